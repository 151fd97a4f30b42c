package dev.galvani.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.sessions.SessionSite.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link LocalMemoryCache} passes the cache contract, with time moved by a hand-turned clock. */
class LocalMemoryCacheTest extends CacheContract {
  private final MutableClock clock = new MutableClock();

  @Override
  protected Cache newCache() {
    return new LocalMemoryCache(LocalMemoryCache.DEFAULT_MAX_ENTRIES, clock);
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void set_beyondMaxEntries_keepsTheCacheWithinItsBound() {
    LocalMemoryCache small = new LocalMemoryCache(10, clock);
    for (int i = 0; i < 100; i++) {
      small.set("key-" + i, "v".getBytes(StandardCharsets.UTF_8), MINUTE);
    }
    int live = 0;
    for (int i = 0; i < 100; i++) {
      live += small.get("key-" + i).isPresent() ? 1 : 0;
    }
    assertTrue(live <= 10, "live entries: " + live);
    assertEquals("v", new String(small.get("key-99").orElseThrow(), StandardCharsets.UTF_8));
  }
}
