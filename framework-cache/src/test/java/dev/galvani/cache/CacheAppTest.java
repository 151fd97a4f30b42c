package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.Settings;
import dev.galvani.core.TcpForwarder;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheSettings;
import dev.galvani.core.cache.Caches;
import dev.galvani.core.cache.NamedCache;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.test.TestClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CacheApp builds the named caches from settings, checks them, and Redis outages are survived. */
class CacheAppTest {
  private final CacheSite site = new CacheSite();

  private static List<String> ids(List<CheckMessage> messages) {
    return messages.stream().map(CheckMessage::id).toList();
  }

  @Test
  void cacheUrl_choosesTheBackend_andSettingsAddNamedCaches() {
    Settings settings = site.settings("caffeine://?max_entries=100&timeout=30", List.of());
    try (Galvani galvani = new Galvani(settings)) {
      Caches caches = galvani.service(Caches.KEY).orElseThrow();
      assertInstanceOf(CaffeineCache.class, caches.defaultCache().backend());
      assertEquals(Duration.ofSeconds(30), caches.defaultCache().defaultTimeout());
      galvani.service(Cache.KEY).orElseThrow().set("k", new byte[] {1}, Duration.ofMinutes(1));
      assertTrue(caches.defaultCache().has("k"), "Cache.KEY is the default cache's bytes");
    }
    // snippet:cache-settings
    settings.set(
        CacheSettings.KEY,
        CacheSettings.fromEnv(settings.env(), "caffeine://")
            .cache("pages", "redis://127.0.0.1:6379/0?key_prefix=polls-pages&timeout=600"));
    // end-snippet
    try (Galvani galvani = new Galvani(settings)) {
      Caches caches = galvani.service(Caches.KEY).orElseThrow();
      assertInstanceOf(RedisCache.class, caches.cache("pages").backend());
      assertEquals(Duration.ofMinutes(10), caches.cache("pages").defaultTimeout());
    }
  }

  @Test
  void aWrongCacheUrl_stopsStartupWithANamedCheck() {
    var wrong =
        assertThrows(
            ImproperlyConfigured.class, () -> site.site("memcached://cache:11211", List.of()));
    assertTrue(wrong.getMessage().contains("cache.E001"), wrong.getMessage());
    assertTrue(wrong.getMessage().contains("unknown scheme"), wrong.getMessage());
    var option =
        assertThrows(
            ImproperlyConfigured.class, () -> site.site("redis://localhost?prefix=x", List.of()));
    assertTrue(option.getMessage().contains("unknown option 'prefix'"), option.getMessage());
    assertTrue(option.getMessage().contains("key_prefix"), option.getMessage());
  }

  @Test
  void deployChecks_warnAboutADummyCache_andALocalOneOnSeveralInstances() {
    try (Galvani galvani = site.site("dummy://", List.of())) {
      assertTrue(ids(galvani.check(true)).contains("cache.W001"));
      assertTrue(
          galvani
              .service(Caches.KEY)
              .orElseThrow()
              .defaultCache()
              .getOrSet("k", String.class, () -> "built")
              .equals("built"));
    }
    try (Galvani galvani = new Galvani(site.settings("caffeine://", List.of()).instances(2))) {
      assertTrue(ids(galvani.check(true)).contains("cache.W002"));
    }
    try (Galvani galvani = new Galvani(site.settings(TestRedis.url(), List.of()).instances(2))) {
      List<String> ids = ids(galvani.check(true));
      assertTrue(!ids.contains("cache.W001") && !ids.contains("cache.W002"), ids.toString());
      assertTrue(ids.contains("cache.W003"), "no key_prefix: " + ids);
    }
    try (Galvani galvani =
        new Galvani(site.settings(TestRedis.url() + "?key_prefix=polls", List.of()))) {
      assertTrue(!ids(galvani.check(true)).contains("cache.W003"));
    }
  }

  @Test
  void aSiteWideCacheListedWrong_stopsStartupWithANamedCheck() {
    List<dev.galvani.core.middleware.Middleware> reversed =
        List.of(new FetchFromCacheMiddleware(), new UpdateCacheMiddleware());
    var order = assertThrows(ImproperlyConfigured.class, () -> site.site("caffeine://", reversed));
    assertTrue(order.getMessage().contains("cache.E002"), order.getMessage());
    assertTrue(order.getMessage().contains("comes before"), order.getMessage());
    var half =
        assertThrows(
            ImproperlyConfigured.class,
            () -> site.site("caffeine://", List.of(new UpdateCacheMiddleware())));
    assertTrue(half.getMessage().contains("Only one half"), half.getMessage());
    PageCache pages = PageCache.defaults().alias("pages");
    var alias =
        assertThrows(
            ImproperlyConfigured.class,
            () ->
                site.site(
                    "caffeine://",
                    List.of(
                        new UpdateCacheMiddleware(pages), new FetchFromCacheMiddleware(pages))));
    assertTrue(alias.getMessage().contains("the cache 'pages'"), alias.getMessage());
    var forever = assertThrows(IllegalArgumentException.class, () -> pages.timeout(Cache.FOREVER));
    assertTrue(forever.getMessage().contains("at most a year"), forever.getMessage());
  }

  @Test
  void redisAwayAtStartup_theSiteStarts_andUsesRedisOnceItAnswers() throws Exception {
    int redisPort = java.net.URI.create(TestRedis.url()).getPort();
    try (TcpForwarder proxy = new TcpForwarder(redisPort < 0 ? 6379 : redisPort)) {
      String url =
          "redis://127.0.0.1:"
              + proxy.port()
              + "/0?socket_timeout=0.5&key_prefix=galvani-test-"
              + UUID.randomUUID();
      try (Galvani galvani = site.site(url, Settings.defaultMiddleware())) {
        TestClient client = new TestClient(galvani);
        assertEquals("view ran 1 times", client.get("/counted/").text());
        assertEquals("view ran 2 times", client.get("/counted/").text(), "no cache yet");
        proxy.start();
        Thread.sleep(1100); // the cache tries again at most once a second
        assertEquals("view ran 3 times", client.get("/counted/").text());
        assertEquals("view ran 3 times", client.get("/counted/").text(), "served from Redis");
        Caches.of(galvani).defaultCache().clear();
      }
    }
  }

  @Test
  void redisStoppedMidTest_theSiteKeepsAnswering_andCachesAgainWhenItIsBack() throws Exception {
    int redisPort = java.net.URI.create(TestRedis.url()).getPort();
    try (TcpForwarder proxy = new TcpForwarder(redisPort < 0 ? 6379 : redisPort)) {
      proxy.start();
      String url =
          "redis://127.0.0.1:"
              + proxy.port()
              + "/0?socket_timeout=0.5&key_prefix=galvani-test-"
              + UUID.randomUUID();
      try (Galvani galvani = site.site(url, dev.galvani.core.Settings.defaultMiddleware())) {
        TestClient client = new TestClient(galvani);
        assertEquals("view ran 1 times", client.get("/counted/").text());
        assertEquals("view ran 1 times", client.get("/counted/").text(), "served from Redis");
        proxy.cut();
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () -> {
              assertEquals(200, client.get("/counted/").status());
              assertEquals("view ran 3 times", client.get("/counted/").text());
            });
        NamedCache cache = galvani.service(Caches.KEY).orElseThrow().defaultCache();
        assertTrue(cache.get("anything", String.class).isEmpty());
        cache.set("anything", "dropped");
        galvani.service(Caches.KEY).orElseThrow().defaultCache().clear();
      }
    }
  }

  @Test
  void readiness_pingsRedis_andSays503WhileItIsAway() throws Exception {
    int redisPort = java.net.URI.create(TestRedis.url()).getPort();
    try (TcpForwarder proxy = new TcpForwarder(redisPort < 0 ? 6379 : redisPort)) {
      proxy.start();
      String url = "redis://127.0.0.1:" + proxy.port() + "/0?socket_timeout=0.5&key_prefix=probe";
      try (Galvani galvani =
          site.site(url, List.of(new dev.galvani.core.health.HealthMiddleware()))) {
        TestClient client = new TestClient(galvani);
        assertEquals(
            "{\"status\":\"ok\",\"checks\":{\"cache\":\"ok\"}}", client.get("/readyz").text());
        proxy.cut();
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> assertEquals(503, client.get("/readyz").status()));
        assertEquals(200, client.get("/healthz").status());
      }
    }
  }

  @Test
  void redisClosedFromTheStart_theSiteStartsAndAnswers() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(15),
        () -> {
          try (Galvani galvani =
              site.site(
                  "redis://127.0.0.1:" + closed + "?socket_timeout=0.5",
                  dev.galvani.core.Settings.defaultMiddleware())) {
            TestClient client = new TestClient(galvani);
            assertEquals("view ran 1 times", client.get("/counted/").text());
            assertEquals("view ran 2 times", client.get("/counted/").text());
          }
        });
  }
}
