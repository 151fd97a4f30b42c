package dev.galvani.core.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A cache that stores nothing (Django's DummyCache), for development: every read misses, so pages
 * and fragments are always built fresh, while the code that uses the cache still runs. {@code add}
 * reports success, as if the value had been stored and then evicted at once.
 */
public final class DummyCache implements Cache {
  @Override
  public Optional<byte[]> get(String key) {
    return Optional.empty();
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    Cache.checkTtl(ttl);
  }

  @Override
  public boolean add(String key, byte[] value, Duration ttl) {
    Cache.checkTtl(ttl);
    return true;
  }

  @Override
  public boolean delete(String key) {
    return false;
  }

  @Override
  public void clear() {}

  @Override
  public boolean touch(String key, Duration ttl) {
    return false;
  }

  @Override
  public long incr(String key, long delta) {
    throw Cache.missing(key);
  }
}
