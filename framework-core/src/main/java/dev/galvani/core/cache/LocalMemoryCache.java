package dev.galvani.core.cache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Cache} in this process's memory, for development and tests (Django's LocMemCache). Each
 * process has its own, so several instances of a site behind a load balancer do not share it: use a
 * shared backend (Redis, from {@code framework-cache}) in production.
 *
 * <p>Holds at most {@code maxEntries} entries: when full, expired entries are dropped first, then a
 * third of the rest, in no particular order. Values are copied in and out. Thread-safe.
 *
 * <pre>{@code
 * galvani.publish(Cache.KEY, new LocalMemoryCache());
 * }</pre>
 */
public final class LocalMemoryCache implements Cache {
  /** The default bound on the number of entries. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final Clock clock;

  /** A cache of at most {@value #DEFAULT_MAX_ENTRIES} entries on the system clock. */
  public LocalMemoryCache() {
    this(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
  }

  /** A cache of at most {@code maxEntries} entries whose expiry follows {@code clock} (tests). */
  public LocalMemoryCache(int maxEntries, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<byte[]> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.isExpired(clock.instant())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value().clone());
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    Entry entry = newEntry(key, value, ttl);
    makeRoom();
    entries.put(key, entry);
  }

  @Override
  public boolean add(String key, byte[] value, Duration ttl) {
    Entry entry = newEntry(key, value, ttl);
    makeRoom();
    Instant now = clock.instant();
    boolean[] stored = {false};
    entries.compute(
        key,
        (k, existing) -> {
          if (existing == null || existing.isExpired(now)) {
            stored[0] = true;
            return entry;
          }
          return existing;
        });
    return stored[0];
  }

  @Override
  public boolean delete(String key) {
    Entry removed = entries.remove(key);
    return removed != null && !removed.isExpired(clock.instant());
  }

  @Override
  public void clear() {
    entries.clear();
  }

  @Override
  public boolean touch(String key, Duration ttl) {
    Instant expiresAt = expiry(ttl);
    Instant now = clock.instant();
    Entry touched =
        entries.computeIfPresent(
            key,
            (k, existing) ->
                existing.isExpired(now) ? null : new Entry(existing.value(), expiresAt));
    return touched != null;
  }

  @Override
  public long incr(String key, long delta) {
    Instant now = clock.instant();
    long[] result = new long[1];
    Entry changed =
        entries.computeIfPresent(
            key,
            (k, existing) -> {
              if (existing.isExpired(now)) {
                return null;
              }
              result[0] = Math.addExact(Cache.parseNumber(key, existing.value()), delta);
              byte[] text = Long.toString(result[0]).getBytes(StandardCharsets.US_ASCII);
              return new Entry(text, existing.expiresAt());
            });
    if (changed == null) {
      throw Cache.missing(key);
    }
    return result[0];
  }

  private Entry newEntry(String key, byte[] value, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return new Entry(value.clone(), expiry(ttl));
  }

  private Instant expiry(Duration ttl) {
    Cache.checkTtl(ttl);
    Instant now = clock.instant();
    return ttl.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(ttl);
  }

  /** Culls when full; the bound is approximate under concurrent writes, never far exceeded. */
  private void makeRoom() {
    if (entries.size() < maxEntries) {
      return;
    }
    Instant now = clock.instant();
    entries.values().removeIf(entry -> entry.isExpired(now));
    int excess = entries.size() - (maxEntries - Math.max(1, maxEntries / 3));
    Iterator<Map.Entry<String, Entry>> iterator = entries.entrySet().iterator();
    while (excess > 0 && iterator.hasNext()) {
      iterator.next();
      iterator.remove();
      excess--;
    }
  }

  private record Entry(byte[] value, Instant expiresAt) {
    boolean isExpired(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
