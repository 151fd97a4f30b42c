package dev.galvani.cache;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.test.TestClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** galvani:cache renders a template fragment once and serves it from the cache after. */
class FragmentCacheTest {
  private final AtomicInteger sidebarRenders = new AtomicInteger();
  private final AtomicInteger formRenders = new AtomicInteger();

  private Response sidebar(Request request) {
    Supplier<List<String>> items =
        () -> {
          sidebarRenders.incrementAndGet();
          return List.of("first <item>", "second");
        };
    Supplier<Integer> forms = formRenders::incrementAndGet;
    return Response.render(
        request,
        "cachetest/sidebar.html",
        Map.of(
            "title",
            "Latest",
            "items",
            items,
            "forms",
            forms,
            "group",
            request.query().first("group").orElse("all"),
            "numbers",
            List.of(1, 2),
            "user",
            request.query().first("user").orElse("alice")));
  }

  private Galvani site(String cacheUrl) {
    Settings settings = new CacheSite().settings(cacheUrl, Settings.defaultMiddleware());
    settings.rootUrls(() -> List.of(path("sidebar/", this::sidebar, "sidebar")));
    return new Galvani(settings);
  }

  private static String metaToken(String page) {
    String marker = "name=\"csrf-token\" content=\"";
    int at = page.indexOf(marker) + marker.length();
    String token = page.substring(at, page.indexOf('"', at));
    assertEquals(64, token.length(), page);
    return token;
  }

  private static String aside(String page) {
    return page.substring(page.indexOf("<aside"), page.indexOf("</aside>"));
  }

  @Test
  void aFragmentIsRenderedOnce_thenServedFromTheCache_perVaryValue() {
    try (Galvani galvani = site("caffeine://")) {
      TestClient client = new TestClient(galvani);
      String first = client.get("/sidebar/").text();
      assertTrue(first.contains("<li>first &lt;item&gt;</li>"), first);
      assertFalse(first.contains("galvani:cache"), first);
      assertEquals(aside(first), aside(client.get("/sidebar/").text()));
      assertEquals(1, sidebarRenders.get());
      client.get("/sidebar/?group=staff");
      assertEquals(2, sidebarRenders.get(), "another vary value is another fragment");
    }
  }

  @Test
  void localVariablesReachTheFragment_andTheCachedTextStaysText() {
    try (Galvani galvani = site("caffeine://")) {
      TestClient client = new TestClient(galvani);
      String first = client.get("/sidebar/?user=[[${7*7}]]").text();
      assertTrue(first.contains("<span>1: [[${7*7}]]</span>"), first);
      assertTrue(first.contains("<span>2: [[${7*7}]]</span>"), first);
      String second = client.get("/sidebar/?user=bob").text();
      assertTrue(second.contains("<span>1: [[${7*7}]]</span>"), "served from the cache: " + second);
      assertTrue(second.contains("<p>bob</p>"), second);
      assertTrue(second.contains("<span>2: [[${7*7}]]</span>"), second);
      // the page holds random CSRF tokens: look for an evaluated span, not "49" anywhere
      assertFalse(second.contains(": 49</span>"), second);
    }
  }

  @Test
  void aFragmentWithACsrfField_isNeverStored() {
    try (Galvani galvani = site("caffeine://")) {
      TestClient client = new TestClient(galvani);
      String page = client.get("/sidebar/").text();
      assertTrue(page.contains("csrfmiddlewaretoken"), page);
      String again = client.get("/sidebar/").text();
      assertEquals(2, formRenders.get());
      assertTrue(!metaToken(page).equals(metaToken(again)), "a token outside forms is not kept");
    }
  }

  @Test
  void withTheDummyCache_everyRenderIsFresh() {
    try (Galvani galvani = site("dummy://")) {
      TestClient client = new TestClient(galvani);
      client.get("/sidebar/");
      client.get("/sidebar/");
      assertEquals(2, sidebarRenders.get());
    }
  }
}
