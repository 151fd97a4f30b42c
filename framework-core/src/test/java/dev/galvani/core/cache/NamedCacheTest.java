package dev.galvani.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.cache.NamedCache.InvalidCacheKey;
import dev.galvani.core.sessions.SessionSite.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** The cache API a site uses, over the in-memory backend with a hand-turned clock. */
class NamedCacheTest {
  record Poll(int id, String question, List<String> choices) {}

  private final MutableClock clock = new MutableClock();
  private final LocalMemoryCache backend = new LocalMemoryCache(1000, clock);
  private final NamedCache cache = new NamedCache("default", backend);

  @Test
  void values_roundTripAsJson_inTheTypeAsked() {
    Poll poll = new Poll(7, "What's new?", List.of("Not much", "The sky"));
    cache.set("poll:7", poll);
    assertEquals(poll, cache.get("poll:7", Poll.class).orElseThrow());
    cache.set("polls", List.of(poll));
    assertEquals(
        List.of(poll), cache.get("polls", new TypeReference<List<Poll>>() {}).orElseThrow());
    String stored = new String(backend.get("1:poll:7").orElseThrow(), StandardCharsets.UTF_8);
    assertEquals(
        "{\"id\":7,\"question\":\"What's new?\",\"choices\":[\"Not much\",\"The sky\"]}", stored);
  }

  @Test
  void aStoredValueThatNoLongerFitsTheType_readsAsAMiss_andGetOrSetReplacesIt() {
    cache.set("poll:1", "an older shape of the value");
    assertTrue(cache.get("poll:1", Poll.class).isEmpty());
    Poll fresh = new Poll(1, "Q", List.of());
    assertEquals(fresh, cache.getOrSet("poll:1", Poll.class, () -> fresh));
    assertEquals(fresh, cache.get("poll:1", Poll.class).orElseThrow(), "the old value is replaced");
  }

  // snippet:get-or-set
  Poll poll(int id) {
    return cache.getOrSet("poll:" + id, Poll.class, () -> loadPoll(id), Duration.ofMinutes(10));
  }

  // end-snippet

  private final AtomicInteger loads = new AtomicInteger();

  private Poll loadPoll(int id) {
    loads.incrementAndGet();
    return new Poll(id, "Question " + id, List.of("yes", "no"));
  }

  @Test
  void getOrSet_computesOnAMissOnly_untilTheTimeoutPasses() {
    assertEquals("Question 3", poll(3).question());
    assertEquals("Question 3", poll(3).question());
    assertEquals(1, loads.get());
    clock.advance(Duration.ofMinutes(10));
    poll(3);
    assertEquals(2, loads.get());
  }

  @Test
  void getOrSet_withNullResult_returnsNullAndStoresNothing() {
    assertNull(cache.getOrSet("absent", Poll.class, () -> null));
    assertFalse(cache.has("absent"));
    var refused = assertThrows(IllegalArgumentException.class, () -> cache.set("k", null));
    assertTrue(refused.getMessage().contains("cannot store null"), refused.getMessage());
  }

  @Test
  void timeouts_defaultPerCallForeverAndZero() {
    cache.set("default-timeout", 1);
    cache.set("short", 2, Duration.ofSeconds(10));
    cache.set("forever", 3, Cache.FOREVER);
    cache.set("zero", 4);
    cache.set("zero", 5, Duration.ZERO);
    assertFalse(cache.has("zero"), "a zero timeout removes the earlier value");
    assertFalse(cache.add("zero", 6, Duration.ZERO));
    assertFalse(cache.has("zero"));
    clock.advance(Duration.ofSeconds(10));
    assertFalse(cache.has("short"));
    assertTrue(cache.has("default-timeout"));
    clock.advance(NamedCache.DEFAULT_TIMEOUT);
    assertFalse(cache.has("default-timeout"));
    clock.advance(Duration.ofDays(365 * 100));
    assertEquals(3, cache.get("forever", Integer.class).orElseThrow());
  }

  @Test
  void addTouchAndDelete() {
    assertTrue(cache.add("a", "first"));
    assertFalse(cache.add("a", "second"));
    assertEquals("first", cache.get("a", String.class).orElseThrow());
    clock.advance(Duration.ofMinutes(4));
    assertTrue(cache.touch("a"));
    clock.advance(Duration.ofMinutes(4));
    assertTrue(cache.has("a"), "touch restarted the default timeout");
    assertTrue(cache.delete("a"));
    assertFalse(cache.delete("a"));
    assertFalse(cache.touch("a"));
  }

  @Test
  void incrAndDecr_countStoredNumbers() {
    cache.set("hits", 0);
    assertEquals(1, cache.incr("hits"));
    assertEquals(11, cache.incr("hits", 10));
    assertEquals(9, cache.decr("hits", 2));
    assertEquals(8, cache.decr("hits"));
    assertEquals(8L, cache.get("hits", Long.class).orElseThrow());
    assertThrows(NoSuchElementException.class, () -> cache.incr("no-counter"));
  }

  @Test
  void manyVariants_keepTheCallersKeys() {
    cache.setMany(Map.of("p1", new Poll(1, "one", List.of()), "p2", new Poll(2, "two", List.of())));
    Map<String, Poll> found = cache.getMany(List.of("p2", "missing", "p1"), Poll.class);
    assertEquals(List.of("p2", "p1"), List.copyOf(found.keySet()));
    assertEquals("two", found.get("p2").question());
    cache.deleteMany(List.of("p1", "p2"));
    assertTrue(cache.getMany(List.of("p1", "p2"), Poll.class).isEmpty());
  }

  @Test
  void versions_separateKeys_andIncrVersionMovesAValue() {
    cache.set("menu", "v1 menu");
    NamedCache two = cache.withVersion(2);
    assertTrue(two.get("menu", String.class).isEmpty());
    two.set("menu", "v2 menu");
    assertEquals("v1 menu", cache.get("menu", String.class).orElseThrow());
    cache.delete("menu");
    cache.set("sidebar", "kept");
    assertEquals(2, cache.incrVersion("sidebar"));
    assertFalse(cache.has("sidebar"));
    assertEquals("kept", two.get("sidebar", String.class).orElseThrow());
    assertThrows(NoSuchElementException.class, () -> cache.incrVersion("sidebar"));
  }

  @Test
  void badKeys_areRefusedWithAMessageThatSaysWhatToDo() {
    InvalidCacheKey space = assertThrows(InvalidCacheKey.class, () -> cache.set("two words", 1));
    assertTrue(space.getMessage().contains("position 3"), space.getMessage());
    assertTrue(space.getMessage().contains("NamedCache.hashed"), space.getMessage());
    InvalidCacheKey control =
        assertThrows(InvalidCacheKey.class, () -> cache.get("a\nb", String.class));
    assertTrue(control.getMessage().contains("a\\x0ab"), control.getMessage());
    InvalidCacheKey tooLong = assertThrows(InvalidCacheKey.class, () -> cache.has("k".repeat(249)));
    assertTrue(tooLong.getMessage().contains("the limit is 250"), tooLong.getMessage());
    assertThrows(InvalidCacheKey.class, () -> cache.delete(""));
    assertThrows(InvalidCacheKey.class, () -> cache.raw().get("with space"));
    String query = "a search with spaces and ünïcode ".repeat(20);
    cache.set("search:" + NamedCache.hashed(query), List.of(1, 2));
    assertEquals(
        List.of(1, 2),
        cache
            .get("search:" + NamedCache.hashed(query), new TypeReference<List<Integer>>() {})
            .orElseThrow());
  }

  @Test
  void raw_isTheBackendUnderTheSameVersionedKeys() {
    cache.raw().set("session", "bytes".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(1));
    assertTrue(backend.get("1:session").isPresent());
    assertTrue(cache.has("session"));
  }

  @Test
  void caches_buildFromUrls_andNameTheProblemOfAWrongOne() {
    Map<String, Caches.Backend> backends =
        Map.of("locmem", url -> new LocalMemoryCache(), "dummy", url -> new DummyCache());
    Caches caches =
        Caches.build(
            CacheSettings.of("locmem://?timeout=60&version=3").cache("null", "dummy://"), backends);
    assertEquals(Duration.ofSeconds(60), caches.defaultCache().defaultTimeout());
    assertEquals(3, caches.defaultCache().version());
    assertEquals(List.of("default", "null"), List.copyOf(caches.names()));
    caches.cache("null").set("k", 1);
    assertFalse(caches.cache("null").has("k"));
    var unknownName = assertThrows(IllegalArgumentException.class, () -> caches.cache("pages"));
    assertTrue(unknownName.getMessage().contains("[default, null]"), unknownName.getMessage());

    var scheme =
        assertThrows(
            ImproperlyConfigured.class,
            () -> Caches.build(CacheSettings.of("memcached://localhost:11211"), backends));
    assertTrue(
        scheme.getMessage().contains("Cache 'default' (memcached://...)"), scheme.getMessage());
    assertTrue(scheme.getMessage().contains("[dummy, locmem]"), scheme.getMessage());
    var timeout =
        assertThrows(
            ImproperlyConfigured.class,
            () -> Caches.build(CacheSettings.of("locmem://?timeout=soon"), backends));
    assertTrue(timeout.getMessage().contains("timeout=soon"), timeout.getMessage());
    var noDefault =
        assertThrows(
            ImproperlyConfigured.class,
            () -> Caches.build(new CacheSettings().cache("pages", "dummy://"), backends));
    assertTrue(noDefault.getMessage().contains("none named 'default'"), noDefault.getMessage());
  }

  @Test
  void cacheUrls_readOptions_andHidePasswords() {
    CacheUrl url =
        CacheUrl.parse("default", "redis://:s3cret@cache:6379/2?key_prefix=polls&timeout=forever");
    assertEquals("redis", url.scheme());
    assertEquals(":s3cret@cache:6379/2", url.address());
    assertEquals("polls", url.option("key_prefix", ""));
    assertEquals(Cache.FOREVER, url.timeout());
    assertEquals("redis://********@cache:6379/2", CacheUrl.masked("redis://:s3cret@cache:6379/2"));
    assertEquals("rediss://********@cache/0", CacheUrl.masked("rediss://s3cret@cache/0"));
    assertEquals("redis://********@cache/0", CacheUrl.masked("redis://u:p@ss/w@rd@cache/0"));
    assertEquals(
        "{default=redis://********@cache:6379/2}",
        CacheSettings.of("redis://:s3cret@cache:6379/2").toString());
    var noScheme =
        assertThrows(ImproperlyConfigured.class, () -> CacheUrl.parse("default", "localhost:6379"));
    assertTrue(noScheme.getMessage().contains("no scheme"), noScheme.getMessage());
    var unknown =
        assertThrows(
            ImproperlyConfigured.class,
            () ->
                CacheUrl.parse("default", "locmem://?max_entry=5")
                    .requireOptions(java.util.Set.of("max_entries")));
    assertTrue(unknown.getMessage().contains("unknown option 'max_entry'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("max_entries"), unknown.getMessage());
  }
}
