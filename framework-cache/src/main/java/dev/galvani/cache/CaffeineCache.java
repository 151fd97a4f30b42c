package dev.galvani.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The local cache: Caffeine, bounded by entry count with its near-LRU eviction, each entry with its
 * own time to live. Per process, so right for one instance; several instances need {@link
 * RedisCache}. Thread-safe.
 */
public final class CaffeineCache implements Cache {
  /** The default bound on entries. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
  private final ConcurrentMap<String, Entry> map;

  /**
   * A value with how long it lives from when it was written ({@link #KEEP}: the time it had left,
   * for an {@code incr}), and the one decoded copy readers of an immutable type share.
   */
  private static final class Entry {
    final byte[] value;
    final long ttlNanos;
    volatile Decoded decoded;

    Entry(byte[] value, long ttlNanos) {
      this.value = value;
      this.ttlNanos = ttlNanos;
    }

    byte[] value() {
      return value;
    }

    long ttlNanos() {
      return ttlNanos;
    }
  }

  private record Decoded(Class<?> type, Object value) {}

  private static final long KEEP = -1;

  public CaffeineCache() {
    this(DEFAULT_MAXIMUM_SIZE, Ticker.systemTicker());
  }

  /**
   * @param maximumSize the most entries held; beyond it the least valuable are evicted
   * @param ticker the clock of expiry (a fake one in tests)
   */
  public CaffeineCache(long maximumSize, Ticker ticker) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(ticker)
            .executor(Runnable::run)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry entry, long now) {
                    return entry.ttlNanos();
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry entry, long now, long left) {
                    return entry.ttlNanos() == KEEP ? left : entry.ttlNanos();
                  }

                  @Override
                  public long expireAfterRead(String key, Entry entry, long now, long left) {
                    return left;
                  }
                })
            .build();
    this.map = entries.asMap();
  }

  @Override
  public Optional<byte[]> get(String key) {
    Entry entry = entries.getIfPresent(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value().clone());
  }

  @Override
  public <T> Optional<T> get(
      String key, Class<T> type, boolean shareable, Function<byte[], T> decode) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null) {
      return Optional.empty();
    }
    Decoded decoded = entry.decoded;
    if (shareable && decoded != null && decoded.type() == type) {
      @SuppressWarnings("unchecked") // stored by this method for this very type (int.class too)
      T shared = (T) decoded.value();
      return Optional.of(shared);
    }
    T value = decode.apply(entry.value());
    if (shareable && value != null) {
      entry.decoded = new Decoded(type, value);
    }
    return Optional.ofNullable(value);
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    entries.put(key, new Entry(value.clone(), nanos(ttl)));
  }

  @Override
  public boolean add(String key, byte[] value, Duration ttl) {
    Entry fresh = new Entry(value.clone(), nanos(ttl));
    AtomicBoolean added = new AtomicBoolean();
    // expired entries are invisible to the map view, so absent here means absent or expired
    map.computeIfAbsent(
        key,
        k -> {
          added.set(true);
          return fresh;
        });
    return added.get();
  }

  @Override
  public boolean delete(String key) {
    return map.remove(key) != null;
  }

  @Override
  public void clear() {
    entries.invalidateAll();
  }

  @Override
  public boolean touch(String key, Duration ttl) {
    long nanos = nanos(ttl);
    return map.computeIfPresent(key, (k, entry) -> new Entry(entry.value(), nanos)) != null;
  }

  @Override
  public long incr(String key, long delta) {
    long[] result = new long[1];
    Entry changed =
        map.computeIfPresent(
            key,
            (k, entry) -> {
              result[0] = Math.addExact(Cache.parseNumber(key, entry.value()), delta);
              return new Entry(Long.toString(result[0]).getBytes(StandardCharsets.US_ASCII), KEEP);
            });
    if (changed == null) {
      throw Cache.missing(key);
    }
    return result[0];
  }

  @Override
  public Map<String, byte[]> getMany(Collection<String> keys) {
    Map<String, byte[]> found = new LinkedHashMap<>();
    entries.getAllPresent(keys).forEach((key, entry) -> found.put(key, entry.value().clone()));
    return found;
  }

  /** How many entries are held now (after pending evictions), for tests and monitoring. */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static long nanos(Duration ttl) {
    Cache.checkTtl(ttl);
    // Caffeine caps expiry at about 150 years, so longer (and FOREVER) means never
    return ttl.compareTo(Duration.ofDays(365L * 200)) >= 0 ? Long.MAX_VALUE : ttl.toNanos();
  }

  /**
   * A cache from a {@code caffeine://} URL: {@code max_entries} bounds it (10,000 by default).
   *
   * @throws dev.galvani.core.ImproperlyConfigured on unknown or wrong options
   */
  public static CaffeineCache fromUrl(CacheUrl url) {
    url.requireOptions(Set.of("max_entries"));
    if (!url.address().isEmpty()) {
      throw url.problem("has an address; a local cache takes none: write caffeine://");
    }
    return new CaffeineCache(
        url.longOption("max_entries", DEFAULT_MAXIMUM_SIZE, 1), Ticker.systemTicker());
  }
}
