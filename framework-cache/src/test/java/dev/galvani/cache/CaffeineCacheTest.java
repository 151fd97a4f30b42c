package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link CaffeineCache} passes the cache contract, with time moved by a hand-turned ticker. */
class CaffeineCacheTest extends CacheContract {
  private final AtomicLong nanos = new AtomicLong();

  @Override
  protected Cache newCache() {
    return new CaffeineCache(CaffeineCache.DEFAULT_MAXIMUM_SIZE, nanos::get);
  }

  @Override
  protected void passTime(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void beyondItsBound_itEvicts() {
    CaffeineCache small = new CaffeineCache(10, nanos::get);
    for (int i = 0; i < 100; i++) {
      small.set("key" + i, ("value" + i).getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
    }
    assertTrue(small.size() <= 10, "held " + small.size());
  }

  @Test
  void valuesAreCopies_soACallerCannotChangeWhatIsStored() {
    byte[] value = "abc".getBytes(StandardCharsets.UTF_8);
    cache.set("copy", value, Duration.ofMinutes(1));
    value[0] = 'X';
    cache.get("copy").orElseThrow()[1] = 'Y';
    assertEquals("abc", new String(cache.get("copy").orElseThrow(), StandardCharsets.UTF_8));
  }

  record Point(int x, String label, java.time.Instant at) {}

  public static final class Box {
    public java.util.List<String> items = new java.util.ArrayList<>();
  }

  @Test
  void immutableRecords_areDecodedOnceAndShared_mutableValuesAreFreshCopies() {
    dev.galvani.core.cache.NamedCache named =
        new dev.galvani.core.cache.NamedCache("default", cache);
    Point point = new Point(1, "one", java.time.Instant.parse("2026-01-01T00:00:00Z"));
    named.set("point", point);
    Point first = named.get("point", Point.class).orElseThrow();
    assertEquals(point, first);
    assertTrue(first == named.get("point", Point.class).orElseThrow(), "one shared instance");
    named.set("point", new Point(2, "two", point.at()));
    assertEquals(2, named.get("point", Point.class).orElseThrow().x(), "a new value is read anew");

    named.set("count", 7);
    assertEquals(7, named.get("count", int.class).orElseThrow());
    assertEquals(7, named.get("count", int.class).orElseThrow(), "a shared primitive, again");

    Box box = new Box();
    box.items.add("a");
    named.set("box", box);
    Box read = named.get("box", Box.class).orElseThrow();
    read.items.add("changed by a reader");
    assertEquals(java.util.List.of("a"), named.get("box", Box.class).orElseThrow().items);
  }
}
