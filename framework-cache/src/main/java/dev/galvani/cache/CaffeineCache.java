package dev.galvani.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.galvani.core.cache.Cache;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

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

  /** A value with how long it lives from when it was written. */
  private record Entry(byte[] value, long ttlNanos) {}

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
                    return entry.ttlNanos();
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

  /** How many entries are held now (after pending evictions), for tests and monitoring. */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static long nanos(Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("A cache timeout must be positive, not " + ttl);
    }
    return ttl.toNanos();
  }
}
