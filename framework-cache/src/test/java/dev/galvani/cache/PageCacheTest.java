package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.middleware.ConditionalGetMiddleware;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-route and site-wide page caching, on Caffeine, through the whole request path. */
class PageCacheTest {
  private final CacheSite site = new CacheSite();

  private static List<Middleware> siteWide() {
    // snippet:site-cache
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new UpdateCacheMiddleware(PageCache.defaults()));
    middleware.addAll(Settings.defaultMiddleware());
    middleware.add(new FetchFromCacheMiddleware(PageCache.defaults()));
    // end-snippet
    return middleware;
  }

  @Test
  void cachedRoute_answersTheSecondRequestFromTheCache_perUrl() {
    try (Galvani galvani = site.site("caffeine://", Settings.defaultMiddleware())) {
      TestClient client = new TestClient(galvani);
      TestResponse first = client.get("/counted/");
      assertEquals("view ran 1 times", first.text());
      assertEquals("max-age=60", first.header("Cache-Control").orElseThrow());
      assertTrue(first.header("Expires").isPresent());
      assertEquals("view ran 1 times", client.get("/counted/").text());
      assertEquals("view ran 2 times", client.get("/counted/?page=2").text());
      assertEquals("view ran 2 times", client.get("/counted/?page=2").text());
      TestResponse head = client.head("/counted/");
      assertEquals(200, head.status());
      assertEquals(0, head.bytes().length);
      assertEquals(2, site.runs.get(), "HEAD is answered from the GET's page");
      assertEquals("view ran 1 times", new TestClient(galvani).get("/counted/").text());
    }
  }

  @Test
  void aHeadRequest_isAnsweredFromTheGetsPage_butNeverStoresOne() {
    try (Galvani galvani = site.site("caffeine://", Settings.defaultMiddleware())) {
      TestClient client = new TestClient(galvani);
      assertEquals(200, client.head("/counted/").status());
      assertEquals("view ran 2 times", client.get("/counted/").text(), "the HEAD stored nothing");
      assertEquals(0, client.head("/counted/").bytes().length);
      assertEquals(2, site.runs.get());
    }
  }

  @Test
  void withACspNonce_aPageUsingItIsNotStored_andAStoredPageGetsAFreshHeader() {
    Settings settings = site.settings("caffeine://", Settings.defaultMiddleware());
    settings.contentSecurityPolicy("script-src {nonce}", false);
    try (Galvani galvani = new Galvani(settings)) {
      TestClient client = new TestClient(galvani);
      client.get("/nonce/");
      client.get("/nonce/");
      assertEquals(2, site.runs.get(), "a page holding its nonce runs every time");
      String first = client.get("/counted/").header("Content-Security-Policy").orElseThrow();
      TestResponse replay = client.get("/counted/");
      assertEquals("view ran 3 times", replay.text());
      String second = replay.header("Content-Security-Policy").orElseThrow();
      assertTrue(second.startsWith("script-src 'nonce-"), second);
      assertTrue(!second.equals(first), "each answer has a nonce of its own");
    }
  }

  @Test
  void privateCookieSettingAndLoggedInPages_areNeverStored() {
    try (Galvani galvani = site.site("caffeine://", Settings.defaultMiddleware())) {
      TestClient client = new TestClient(galvani);
      for (String path : List.of("/private/", "/cookie/", "/user/")) {
        int before = site.runs.get();
        client.get(path);
        client.get(path);
        assertEquals(before + 2, site.runs.get(), path + " must run every time");
      }
      client.get("/counted/");
      int before = site.runs.get();
      client.request("GET", "/counted/").header("Authorization", "Bearer abc").send();
      assertEquals(
          before + 1, site.runs.get(), "a request with Authorization is not served a page");
    }
  }

  @Test
  void aResponsesOwnMaxAge_setsHowLongItIsKept() {
    try (Galvani galvani = site.site("caffeine://", Settings.defaultMiddleware())) {
      TestClient client = new TestClient(galvani);
      assertEquals("max-age=5", client.get("/max-age/").header("Cache-Control").orElseThrow());
      client.get("/max-age/");
      assertEquals(1, site.runs.get());
    }
  }

  @Test
  void aPageThatReadsTheSession_isKeptPerCookie() {
    try (Galvani galvani = site.site("caffeine://", List.of(new SessionMiddleware()))) {
      TestClient anonymous = new TestClient(galvani);
      TestResponse first = anonymous.get("/session/");
      assertEquals("Cookie", first.header("Vary").orElseThrow());
      assertEquals("view ran 1 times", anonymous.get("/session/").text());
      TestClient other = new TestClient(galvani).cookie("theme", "dark");
      assertEquals("view ran 2 times", other.get("/session/").text());
      assertEquals("view ran 2 times", other.get("/session/").text());
      assertEquals("view ran 1 times", anonymous.get("/session/").text());
    }
  }

  @Test
  void siteWideCache_storesEveryCacheablePage_perLanguageHeaderItVariesOn() {
    try (Galvani galvani = site.site("caffeine://", siteWide())) {
      TestClient client = new TestClient(galvani);
      assertEquals("view ran 1 times", client.get("/page/").text());
      assertEquals("view ran 1 times", client.get("/page/").text());
      assertEquals(200, client.post("/page/", Map.of()).status());
      assertEquals(2, site.runs.get(), "a POST runs the view");
      TestResponse german =
          client.request("GET", "/language/").header("Accept-Language", "de").send();
      assertEquals("view ran 3 times", german.text());
      assertEquals(
          "view ran 3 times",
          client.request("GET", "/language/").header("Accept-Language", "de").send().text());
      TestResponse french =
          client.request("GET", "/language/").header("Accept-Language", "fr").send();
      assertEquals("view ran 4 times", french.text());
      assertEquals("fr", french.header("Content-Language").orElseThrow());
    }
  }

  @Test
  void conditionalGet_answers304ForACachedPageTheClientHas() {
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new ConditionalGetMiddleware());
    middleware.addAll(siteWide());
    try (Galvani galvani = site.site("caffeine://", middleware)) {
      TestClient client = new TestClient(galvani);
      String etag = client.get("/page/").header("ETag").orElseThrow();
      TestResponse again = client.request("GET", "/page/").header("If-None-Match", etag).send();
      assertEquals(304, again.status());
      assertEquals(0, again.bytes().length);
      assertEquals(etag, again.header("ETag").orElseThrow());
      assertEquals(1, site.runs.get());
    }
  }
}
