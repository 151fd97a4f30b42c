package dev.galvani.core.cache;

import dev.galvani.core.json.Json;
import dev.galvani.core.security.Digests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cache a site uses (Django's {@code caches["default"]}): a {@link Cache} backend with a name,
 * a default timeout, versioned and validated keys, and values stored as JSON.
 *
 * <p>Values are written and read with Jackson as JSON, never with Java serialization, so bytes in a
 * shared cache can only ever become the type the caller asks for: records, beans, lists, maps,
 * strings and numbers all work. A stored value that no longer fits the type asked for (the class
 * changed in a deploy) reads as a miss. {@code null} values are refused.
 *
 * <p>Timeouts: each call may give one; otherwise the cache's default applies (300 s unless
 * configured). {@link Cache#FOREVER} never expires; {@link Duration#ZERO} stores nothing (and
 * {@code set} then removes an earlier value), as a timeout of 0 does in Django.
 *
 * <p>Keys are stored as {@code version:key}. A key must be 1-250 characters of printable text
 * without spaces or control characters; anything else throws {@link InvalidCacheKey}. Hash
 * user-supplied parts with {@link #hashed}. {@link #withVersion} gives the same cache at another
 * version; {@link #incrVersion} moves one key to the next version. Thread-safe.
 */
public final class NamedCache {
  /** Django's default timeout: five minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** The longest stored key (memcached's limit, which Django also checks). */
  public static final int MAX_KEY_LENGTH = 250;

  private static final Logger LOG = LoggerFactory.getLogger("galvani.cache");

  private final String name;
  private final Cache backend;
  private final Duration defaultTimeout;
  private final int version;
  private final JsonMapper mapper;
  private final String versionPrefix;
  private final Cache raw = new Raw();

  /** A cache named {@code name} over {@code backend}, at version 1 with the default timeout. */
  public NamedCache(String name, Cache backend) {
    this(name, backend, DEFAULT_TIMEOUT, 1);
  }

  /**
   * @param defaultTimeout used when a call gives none; {@link Cache#FOREVER} for no expiry
   * @param version the version part of every key
   */
  public NamedCache(String name, Cache backend, Duration defaultTimeout, int version) {
    this.name = Objects.requireNonNull(name, "name");
    this.backend = Objects.requireNonNull(backend, "backend");
    if (defaultTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "The default timeout of cache '" + name + "' cannot be negative: " + defaultTimeout);
    }
    this.defaultTimeout = defaultTimeout;
    this.version = version;
    this.versionPrefix = version + ":";
    this.mapper = Json.standard().mapper();
  }

  public String name() {
    return name;
  }

  /** The backend under this cache. */
  public Cache backend() {
    return backend;
  }

  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  public int version() {
    return version;
  }

  /** This cache with its keys at another version: {@code cache.withVersion(2).get(...)}. */
  public NamedCache withVersion(int otherVersion) {
    return otherVersion == version
        ? this
        : new NamedCache(name, backend, defaultTimeout, otherVersion);
  }

  /**
   * This cache as a byte-level {@link Cache}, with the same key versioning and validation: what
   * {@code Cache.KEY} publishes for the session stores.
   */
  public Cache raw() {
    return raw;
  }

  // ---- reading ----

  /**
   * The value under the key as {@code type}; empty when absent, expired or no longer fitting. Reads
   * of a deeply immutable type (a record of strings, numbers, enums, {@code java.time} values and
   * such records) from an in-process cache may share one decoded instance.
   */
  public <T> Optional<T> get(String key, Class<T> type) {
    String stored = key(key);
    JavaType javaType = mapper.constructType(type);
    return backend.get(
        stored, type, Immutables.isImmutable(type), bytes -> decode(stored, bytes, javaType));
  }

  /** The value as a generic type: {@code get(key, new TypeReference<List<Choice>>() {})}. */
  public <T> Optional<T> get(String key, TypeReference<T> type) {
    return get(key, mapper.constructType(type));
  }

  private <T> Optional<T> get(String key, JavaType type) {
    String stored = key(key);
    return backend.get(stored).map(bytes -> decode(stored, bytes, type));
  }

  /** Whether the key holds a live value. */
  public boolean has(String key) {
    return backend.get(key(key)).isPresent();
  }

  /**
   * The values of these keys that are present, by key, in the order given; one trip to a backend
   * that can (Redis's {@code MGET}).
   */
  public <T> Map<String, T> getMany(Collection<String> keys, Class<T> type) {
    JavaType javaType = mapper.constructType(type);
    Map<String, String> storedToKey = new LinkedHashMap<>();
    for (String key : keys) {
      storedToKey.put(key(key), key);
    }
    Map<String, byte[]> found = backend.getMany(storedToKey.keySet());
    Map<String, T> values = new LinkedHashMap<>();
    storedToKey.forEach(
        (stored, key) -> {
          byte[] bytes = found.get(stored);
          if (bytes != null) {
            T value = decode(stored, bytes, javaType);
            if (value != null) {
              values.put(key, value);
            }
          }
        });
    return values;
  }

  /**
   * The cached value, or else {@code compute}'s result, stored with the default timeout (Django's
   * {@code get_or_set}). A {@code null} result is returned and not stored.
   */
  public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> compute) {
    return getOrSet(key, type, compute, defaultTimeout);
  }

  /** {@link #getOrSet(String, Class, Supplier)} with its own timeout. */
  public <T> T getOrSet(
      String key, Class<T> type, Supplier<? extends T> compute, Duration timeout) {
    Optional<T> cached = get(key, type);
    return cached.isPresent() ? cached.get() : computeAndAdd(key, compute, timeout);
  }

  /** {@link #getOrSet(String, Class, Supplier)} for a generic type, with its own timeout. */
  public <T> T getOrSet(
      String key, TypeReference<T> type, Supplier<? extends T> compute, Duration timeout) {
    return getOrSet(key, mapper.constructType(type), compute, timeout);
  }

  private <T> T getOrSet(
      String key, JavaType type, Supplier<? extends T> compute, Duration timeout) {
    Optional<T> cached = get(key, type);
    return cached.isPresent() ? cached.get() : computeAndAdd(key, compute, timeout);
  }

  /** Stores with {@code set}, so a stored value that no longer decodes is replaced. */
  private <T> T computeAndAdd(String key, Supplier<? extends T> compute, Duration timeout) {
    T value = compute.get();
    if (value != null) {
      set(key, value, timeout);
    }
    return value;
  }

  // ---- writing ----

  /** Stores a value with the default timeout, replacing any earlier one. */
  public void set(String key, Object value) {
    set(key, value, defaultTimeout);
  }

  /** Stores a value for {@code timeout}; {@link Duration#ZERO} removes the key instead. */
  public void set(String key, Object value, Duration timeout) {
    String stored = key(key);
    byte[] bytes = encode(value);
    if (timeout.isZero()) {
      backend.delete(stored);
    } else {
      backend.set(stored, bytes, ttl(timeout));
    }
  }

  /** Stores a value with the default timeout only if the key holds none; returns whether stored. */
  public boolean add(String key, Object value) {
    return add(key, value, defaultTimeout);
  }

  /** Stores a value only if the key holds none, atomically; returns whether it was stored. */
  public boolean add(String key, Object value, Duration timeout) {
    String stored = key(key);
    byte[] bytes = encode(value);
    return !timeout.isZero() && backend.add(stored, bytes, ttl(timeout));
  }

  /** Stores every value with the default timeout. */
  public void setMany(Map<String, ?> values) {
    setMany(values, defaultTimeout);
  }

  /** Stores every value for {@code timeout}. */
  public void setMany(Map<String, ?> values, Duration timeout) {
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    values.forEach((key, value) -> encoded.put(key(key), encode(value)));
    if (timeout.isZero()) {
      backend.deleteMany(encoded.keySet());
    } else {
      backend.setMany(encoded, ttl(timeout));
    }
  }

  /** Removes the key; returns whether it held a live value. */
  public boolean delete(String key) {
    return backend.delete(key(key));
  }

  /** Removes every key given. */
  public void deleteMany(Collection<String> keys) {
    List<String> stored = new ArrayList<>(keys.size());
    keys.forEach(key -> stored.add(key(key)));
    backend.deleteMany(stored);
  }

  /** Gives a live key the default timeout again, from now; returns whether it was live. */
  public boolean touch(String key) {
    return touch(key, defaultTimeout);
  }

  /** Gives a live key a new timeout, from now; returns whether it was live. */
  public boolean touch(String key, Duration timeout) {
    String stored = key(key);
    return timeout.isZero() ? backend.delete(stored) : backend.touch(stored, ttl(timeout));
  }

  /**
   * Adds {@code delta} to the number under the key, atomically, keeping its timeout. Start a
   * counter with {@code set(key, 0)} or {@code add(key, 0)}.
   *
   * @throws java.util.NoSuchElementException when the key holds no value
   * @throws IllegalStateException when the value is not a whole number
   */
  public long incr(String key, long delta) {
    return backend.incr(key(key), delta);
  }

  /** {@code incr(key, 1)}. */
  public long incr(String key) {
    return incr(key, 1);
  }

  /** Subtracts {@code delta} from the number under the key; see {@link #incr(String, long)}. */
  public long decr(String key, long delta) {
    return incr(key, Math.negateExact(delta));
  }

  /** {@code decr(key, 1)}. */
  public long decr(String key) {
    return decr(key, 1);
  }

  /**
   * Moves the key's value to the next version, keeping it for the default timeout, and removes the
   * old one (Django's {@code incr_version}).
   *
   * @return the new version
   * @throws java.util.NoSuchElementException when the key holds no value at this version
   */
  public int incrVersion(String key) {
    String stored = key(key);
    byte[] value = backend.get(stored).orElseThrow(() -> Cache.missing(key));
    NamedCache next = withVersion(version + 1);
    next.raw.set(key, value, ttl(defaultTimeout));
    backend.delete(stored);
    return version + 1;
  }

  /** Removes every key of the backend. */
  public void clear() {
    backend.clear();
  }

  // ---- keys and values ----

  /**
   * A fixed-length key part for text that may be long or hold spaces and any characters (a search
   * query, a URL): its SHA-256 in hex.
   */
  public static String hashed(String text) {
    return Digests.sha256Hex(text);
  }

  /** The stored key of {@code key}: {@code version:key}, checked. */
  private String key(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidCacheKey("A cache key cannot be " + (key == null ? "null" : "empty"));
    }
    String stored = versionPrefix.concat(key);
    if (stored.length() > MAX_KEY_LENGTH) {
      throw new InvalidCacheKey(
          "Cache key '"
              + key.substring(0, 40)
              + "...' is "
              + stored.length()
              + " characters with its version; the limit is "
              + MAX_KEY_LENGTH
              + ". Hash long parts with NamedCache.hashed(...)");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new InvalidCacheKey(
            "Cache key '"
                + printable(key)
                + "' has a space or control character at position "
                + i
                + "; keys must be printable text without spaces. Hash such parts with"
                + " NamedCache.hashed(...)");
      }
    }
    return stored;
  }

  private static String printable(String key) {
    StringBuilder shown = new StringBuilder();
    key.codePoints()
        .limit(60)
        .forEach(
            c -> {
              if (c <= ' ' || c == 0x7f) {
                shown.append(String.format("\\x%02x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return shown.toString();
  }

  private byte[] encode(Object value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Cache '" + name + "' cannot store null; delete the key to forget a value");
    }
    return mapper.writeValueAsBytes(value);
  }

  private <T> T decode(String stored, byte[] bytes, JavaType type) {
    try {
      return mapper.readValue(bytes, type);
    } catch (JacksonException e) {
      LOG.debug("Cache '{}': the value under {} no longer reads as {}", name, stored, type, e);
      return null;
    }
  }

  private static Duration ttl(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("A cache timeout cannot be negative: " + timeout);
    }
    return timeout;
  }

  /** A cache key that is empty, too long or holds spaces or control characters. */
  public static final class InvalidCacheKey extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidCacheKey(String message) {
      super(message);
    }
  }

  /** The byte-level view: the same keys, the caller's bytes. */
  private final class Raw implements Cache {
    @Override
    public Optional<byte[]> get(String key) {
      return backend.get(key(key));
    }

    @Override
    public void set(String key, byte[] value, Duration ttl) {
      backend.set(key(key), value, ttl);
    }

    @Override
    public boolean add(String key, byte[] value, Duration ttl) {
      return backend.add(key(key), value, ttl);
    }

    @Override
    public boolean delete(String key) {
      return backend.delete(key(key));
    }

    @Override
    public void clear() {
      backend.clear();
    }

    @Override
    public boolean touch(String key, Duration ttl) {
      return backend.touch(key(key), ttl);
    }

    @Override
    public long incr(String key, long delta) {
      return backend.incr(key(key), delta);
    }
  }
}
