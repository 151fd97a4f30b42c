package dev.galvani.core.cache;

import dev.galvani.core.http.Key;
import java.time.Duration;
import java.util.Optional;

/**
 * A key-value cache of bytes with expiry: core's extension point for caching. Values are bytes so
 * that shared backends (Redis) implement it directly; callers encode their own values (the session
 * stores write JSON). Core ships {@link LocalMemoryCache}; {@code framework-cache} adds Caffeine
 * and Redis backends. Implementations must be thread-safe.
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

  /** The value stored under the key, unless it is absent or has expired. */
  Optional<byte[]> get(String key);

  /**
   * Stores a value for {@code ttl}, replacing any earlier value.
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
}
