package dev.galvani.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Cache} backend must show (Django's BaseCacheTests). A backend's test
 * extends this class, returns a fresh, empty cache from {@link #newCache()} and, when it can, makes
 * time pass without sleeping in {@link #passTime(Duration)}.
 */
public abstract class CacheContract {
  protected static final Duration MINUTE = Duration.ofMinutes(1);

  protected Cache cache;

  /** A new, empty cache for one test. */
  protected abstract Cache newCache();

  /** Lets {@code duration} pass for the cache; the default sleeps. */
  protected void passTime(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @BeforeEach
  void createCache() {
    cache = newCache();
    cache.clear();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Optional<byte[]> value) {
    return new String(value.orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void get_withUnknownKey_isEmpty() {
    assertTrue(cache.get("contract:missing").isEmpty());
  }

  @Test
  void set_thenGet_returnsTheValue() {
    cache.set("contract:greeting", bytes("hello"), MINUTE);
    assertEquals("hello", text(cache.get("contract:greeting")));
  }

  @Test
  void set_onExistingKey_replacesTheValue() {
    cache.set("contract:greeting", bytes("hello"), MINUTE);
    cache.set("contract:greeting", bytes("goodbye"), MINUTE);
    assertEquals("goodbye", text(cache.get("contract:greeting")));
  }

  @Test
  void set_afterTtl_valueIsGone() throws InterruptedException {
    cache.set("contract:short", bytes("soon gone"), Duration.ofSeconds(1));
    cache.set("contract:long", bytes("stays"), MINUTE);
    passTime(Duration.ofMillis(1500));
    assertTrue(cache.get("contract:short").isEmpty());
    assertEquals("stays", text(cache.get("contract:long")));
  }

  @Test
  void set_withZeroOrNegativeTtl_isRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> cache.set("contract:x", bytes("x"), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> cache.add("contract:x", bytes("x"), Duration.ofSeconds(-1)));
  }

  @Test
  void add_onlyStoresWhenAbsent() {
    assertTrue(cache.add("contract:once", bytes("first"), MINUTE));
    assertFalse(cache.add("contract:once", bytes("second"), MINUTE));
    assertEquals("first", text(cache.get("contract:once")));
  }

  @Test
  void add_afterEarlierValueExpired_stores() throws InterruptedException {
    cache.set("contract:expiring", bytes("old"), Duration.ofSeconds(1));
    passTime(Duration.ofMillis(1500));
    assertTrue(cache.add("contract:expiring", bytes("new"), MINUTE));
    assertEquals("new", text(cache.get("contract:expiring")));
  }

  @Test
  void delete_removesTheKeyAndSaysWhetherItWasThere() {
    cache.set("contract:doomed", bytes("x"), MINUTE);
    assertTrue(cache.delete("contract:doomed"));
    assertTrue(cache.get("contract:doomed").isEmpty());
    assertFalse(cache.delete("contract:doomed"));
  }

  @Test
  void clear_removesEveryKey() {
    cache.set("contract:a", bytes("a"), MINUTE);
    cache.set("contract:b", bytes("b"), MINUTE);
    cache.clear();
    assertTrue(cache.get("contract:a").isEmpty());
    assertTrue(cache.get("contract:b").isEmpty());
  }

  @Test
  void values_areBinarySafe() {
    byte[] value = new byte[256];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) i;
    }
    cache.set("contract:binary", value, MINUTE);
    cache.set("contract:empty", new byte[0], MINUTE);
    assertArrayEquals(value, cache.get("contract:binary").orElseThrow());
    assertArrayEquals(new byte[0], cache.get("contract:empty").orElseThrow());
  }

  @Test
  void values_ofOneMegabyte_roundTrip() {
    byte[] value = new byte[1024 * 1024];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) (i * 31);
    }
    cache.set("contract:large", value, MINUTE);
    assertArrayEquals(value, cache.get("contract:large").orElseThrow());
  }

  @Test
  void values_changedByTheCallerAfterwards_areNotChangedInTheCache() {
    byte[] value = bytes("original");
    cache.set("contract:copy", value, MINUTE);
    value[0] = 'X';
    cache.get("contract:copy").orElseThrow()[1] = 'Y';
    assertEquals("original", text(cache.get("contract:copy")));
  }

  @Test
  void keys_withUnusualCharacters_areDistinct() {
    cache.set("contract:key with spaces", bytes("1"), MINUTE);
    cache.set("contract:ключ", bytes("2"), MINUTE);
    assertEquals("1", text(cache.get("contract:key with spaces")));
    assertEquals("2", text(cache.get("contract:ключ")));
  }

  @Test
  void add_concurrentlyForOneKey_exactlyOneWins() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String key = "contract:race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          byte[] value = bytes("thread-" + i);
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return cache.add(key, value, MINUTE);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
          winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, winners, "round " + round);
        assertTrue(text(cache.get(key)).startsWith("thread-"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void forever_keepsTheValueUntilDeleted() throws InterruptedException {
    cache.set("contract:forever", bytes("kept"), Cache.FOREVER);
    assertTrue(cache.add("contract:forever-add", bytes("added"), Cache.FOREVER));
    passTime(Duration.ofMillis(1500));
    assertEquals("kept", text(cache.get("contract:forever")));
    assertEquals("added", text(cache.get("contract:forever-add")));
    assertTrue(cache.delete("contract:forever"));
  }

  @Test
  void touch_givesALiveKeyANewTtl_andReportsMissingOnes() throws InterruptedException {
    cache.set("contract:touched", bytes("v"), Duration.ofSeconds(1));
    cache.set("contract:untouched", bytes("v"), Duration.ofSeconds(1));
    assertTrue(cache.touch("contract:touched", MINUTE));
    assertFalse(cache.touch("contract:never-set", MINUTE));
    passTime(Duration.ofMillis(1500));
    assertEquals("v", text(cache.get("contract:touched")));
    assertTrue(cache.get("contract:untouched").isEmpty());
    assertFalse(cache.touch("contract:untouched", MINUTE), "an expired key is not touched");
  }

  @Test
  void touch_withForever_keepsTheKey() throws InterruptedException {
    cache.set("contract:made-forever", bytes("v"), Duration.ofSeconds(1));
    assertTrue(cache.touch("contract:made-forever", Cache.FOREVER));
    passTime(Duration.ofMillis(1500));
    assertEquals("v", text(cache.get("contract:made-forever")));
  }

  @Test
  void incr_addsToAStoredNumber_andKeepsItsTtl() throws InterruptedException {
    cache.set("contract:counter", bytes("41"), Duration.ofSeconds(1));
    assertEquals(42, cache.incr("contract:counter", 1));
    assertEquals(32, cache.incr("contract:counter", -10));
    assertEquals("32", text(cache.get("contract:counter")));
    passTime(Duration.ofMillis(1500));
    assertTrue(cache.get("contract:counter").isEmpty(), "incr must not extend the ttl");
    assertThrows(java.util.NoSuchElementException.class, () -> cache.incr("contract:counter", 1));
  }

  @Test
  void incr_onMissingKeyOrText_failsWithoutStoringAnything() {
    var missing =
        assertThrows(java.util.NoSuchElementException.class, () -> cache.incr("contract:nope", 1));
    assertTrue(missing.getMessage().contains("contract:nope"), missing.getMessage());
    assertTrue(cache.get("contract:nope").isEmpty());
    cache.set("contract:word", bytes("hello"), MINUTE);
    assertThrows(IllegalStateException.class, () -> cache.incr("contract:word", 1));
    assertEquals("hello", text(cache.get("contract:word")));
  }

  @Test
  void incr_concurrently_countsEveryIncrement() throws Exception {
    cache.set("contract:hits", bytes("0"), MINUTE);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    cache.incr("contract:hits", 1);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("400", text(cache.get("contract:hits")));
  }

  @Test
  void manyVariants_readWriteAndDeleteSeveralKeys() {
    cache.setMany(
        java.util.Map.of("contract:m1", bytes("one"), "contract:m2", bytes("two")), MINUTE);
    var found = cache.getMany(List.of("contract:m1", "contract:missing", "contract:m2"));
    assertEquals(java.util.Set.of("contract:m1", "contract:m2"), found.keySet());
    assertEquals("two", new String(found.get("contract:m2"), StandardCharsets.UTF_8));
    assertTrue(cache.getMany(List.of()).isEmpty());
    cache.deleteMany(List.of("contract:m1", "contract:m2", "contract:missing"));
    assertTrue(cache.getMany(List.of("contract:m1", "contract:m2")).isEmpty());
  }
}
