package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.CacheSettings;
import dev.galvani.core.cache.Caches;
import dev.galvani.core.sessions.CacheSessionStore;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.core.sessions.SessionSite;
import dev.galvani.core.test.TestClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sessions in Redis: shared by two instances, and a site that still answers when Redis is gone. */
class RedisSessionsTest {
  private static Galvani site(RedisCache cache) {
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(SessionSettings.KEY, SessionSettings.defaults().withStore(new CacheSessionStore()))
            .apps(new SessionSite.CacheApp(cache));
    return new Galvani(settings);
  }

  @Test
  void twoInstancesOnOneRedis_shareTheSession() {
    String prefix = "galvani-sessions:" + UUID.randomUUID() + ":";
    try (RedisCache first = new RedisCache(TestRedis.url(), prefix, Duration.ofSeconds(2), true);
        RedisCache second = new RedisCache(TestRedis.url(), prefix, Duration.ofSeconds(2), true);
        Galvani one = site(first);
        Galvani two = site(second)) {
      TestClient onOne = new TestClient(one);
      assertEquals("visits: 1", onOne.get("/count/").text());
      assertEquals("visits: 2", onOne.get("/count/").text());
      TestClient onTwo = new TestClient(two);
      onOne.cookies().forEach(onTwo::cookie);
      assertEquals("visits: 3", onTwo.get("/count/").text());
      first.clear();
    }
  }

  @Test
  void sessionsInTheCacheAppsDefaultCache_workOnCaffeineAndOnRedis() {
    for (String url :
        List.of(
            "caffeine://", TestRedis.url() + "?key_prefix=galvani-sessions-" + UUID.randomUUID())) {
      Settings settings =
          SessionSite.settings(List.of(new SessionMiddleware()))
              .set(
                  SessionSettings.KEY,
                  SessionSettings.defaults().withStore(new CacheSessionStore()))
              .set(CacheSettings.KEY, CacheSettings.of(url))
              .apps(new CacheApp());
      try (Galvani galvani = new Galvani(settings)) {
        TestClient client = new TestClient(galvani);
        assertEquals("visits: 1", client.get("/count/").text(), url);
        assertEquals("visits: 2", client.get("/count/").text(), url);
        assertEquals("visits: 1", new TestClient(galvani).get("/count/").text(), url);
        Caches.of(galvani).defaultCache().clear();
      }
    }
  }

  @Test
  void redisGone_pagesStillAnswer_andSavingASessionIsA503NotAHang() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    try (RedisCache down =
            new RedisCache("redis://127.0.0.1:" + closed, "down:", Duration.ofSeconds(1), true);
        Galvani galvani = site(down)) {
      TestClient client = new TestClient(galvani);
      assertTimeoutPreemptively(
          Duration.ofSeconds(15),
          () -> {
            assertEquals(200, client.get("/whoami/").status(), "a page that only reads");
            assertEquals(503, client.get("/count/").status(), "a page that writes the session");
          });
    }
  }
}
