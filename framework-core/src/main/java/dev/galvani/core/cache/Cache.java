package dev.galvani.core.cache;

import dev.galvani.core.http.Key;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A key-value cache of bytes with expiry: core's extension point for caching. Values are bytes so
 * that shared backends (Redis) implement it directly; callers encode their own values (the session
 * stores write JSON). Core ships {@link LocalMemoryCache}; {@code framework-cache} adds Caffeine
 * and Redis backends. Implementations must be thread-safe.
 *
 * <p>This is the backend's side. Sites use a {@link NamedCache} (from {@link Caches}), which adds
 * key versioning and validation, default timeouts and JSON-encoded values on top of a backend.
 *
 * <p>A site publishes its cache when the runtime is built, and other modules find it there:
 *
 * <pre>{@code
 * // in an App's ready(galvani)
 * galvani.publish(Cache.KEY, new LocalMemoryCache());
 * // anywhere with the runtime
 * Optional<Cache> cache = galvani.service(Cache.KEY);
 * }</pre>
 *
 * <p>Every backend passes the shared contract tests ({@code CacheContract} in core's tests).
 */
public interface Cache {
  /** Where a site publishes its cache: {@code galvani.publish(Cache.KEY, cache)}. */
  Key<Cache> KEY = Key.of("galvani.cache", Cache.class);

  /** A time to live that never ends: the entry stays until deleted or evicted. */
  Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  /** The value stored under the key, unless it is absent or has expired. */
  Optional<byte[]> get(String key);

  /**
   * Stores a value for {@code ttl} ({@link #FOREVER} for no expiry), replacing any earlier value.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  void set(String key, byte[] value, Duration ttl);

  /**
   * Stores a value only if the key holds none (or only an expired one), atomically: of several
   * concurrent {@code add}s for one key, exactly one returns true.
   *
   * @return whether the value was stored
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  boolean add(String key, byte[] value, Duration ttl);

  /** Removes the key; returns whether it held a live value. */
  boolean delete(String key);

  /** Removes every key. */
  void clear();

  /**
   * Gives a live entry a new time to live, counted from now.
   *
   * @return whether the key held a live value
   */
  boolean touch(String key, Duration ttl);

  /**
   * Adds {@code delta} to the whole number stored under the key (as decimal text, such as {@code
   * set(key, "0".getBytes(...), ttl)} writes), atomically and keeping its time to live.
   *
   * @return the new number
   * @throws NoSuchElementException when the key holds no live value
   * @throws IllegalStateException when the value is not a whole number
   */
  long incr(String key, long delta);

  /**
   * The value under the key as {@code decode} reads it (null meaning a miss). When {@code
   * shareable} (the caller's type is deeply immutable), an in-process backend may keep the decoded
   * value beside the bytes and hand the same instance to later reads of the same type, so they skip
   * decoding. {@code decode} must neither keep nor change the bytes it is given.
   */
  default <T> Optional<T> get(
      String key, Class<T> type, boolean shareable, Function<byte[], T> decode) {
    return get(key).map(decode);
  }

  /** The live values among these keys; absent keys are left out. Backends may do it in one trip. */
  default Map<String, byte[]> getMany(Collection<String> keys) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (String key : keys) {
      get(key).ifPresent(value -> found.put(key, value));
    }
    return found;
  }

  /** Stores every value for {@code ttl}. */
  default void setMany(Map<String, byte[]> values, Duration ttl) {
    values.forEach((key, value) -> set(key, value, ttl));
  }

  /** Removes every key given. */
  default void deleteMany(Collection<String> keys) {
    keys.forEach(this::delete);
  }

  /** Checks a time to live: positive, or {@link #FOREVER}. For backends. */
  static Duration checkTtl(Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException(
          "A cache entry's time to live must be positive, not " + ttl + "; use delete to remove");
    }
    return ttl;
  }

  /** The number stored as decimal text, for backends' {@link #incr}. */
  static long parseNumber(String key, byte[] value) {
    try {
      return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "The value under cache key '" + key + "' is not a whole number, so it cannot be counted");
    }
  }

  /** The error of {@link #incr} on a missing key. */
  static NoSuchElementException missing(String key) {
    return new NoSuchElementException(
        "No value under cache key '"
            + key
            + "'; incr and decr change an existing number: set it first");
  }
}
