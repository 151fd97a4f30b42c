package dev.galvani.core;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.ConditionalGetMiddleware;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ConditionalGetMiddleware: ETags on pages, 304 for clients that have them. */
class ConditionalGetMiddlewareTest {
  private static final String MODIFIED = "Tue, 24 Nov 2026 10:00:00 GMT";

  private static Galvani site() {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("conditional-test-secret-with-enough-length-and-variety-0123"))
        .staticRoot(Path.of("target", "no-static-root"))
        .middleware(List.of(new ConditionalGetMiddleware()))
        .rootUrls(
            () ->
                List.of(
                    path("page/", request -> Response.html("<p>same page</p>"), "page"),
                    path(
                        "dated/",
                        request ->
                            Response.text("dated")
                                .header("Last-Modified", MODIFIED)
                                .header("Cache-Control", "no-store"),
                        "dated"),
                    path("missing/", request -> Response.text("gone").withStatus(404), "missing")));
    return new Galvani(settings);
  }

  @Test
  void aMatchingIfNoneMatch_getsA304WithoutBody_andADifferentOneTheWholePage() {
    try (Galvani galvani = site()) {
      TestClient client = new TestClient(galvani);
      TestResponse first = client.get("/page/");
      String etag = first.header("ETag").orElseThrow();
      assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
      TestResponse again = client.request("GET", "/page/").header("If-None-Match", etag).send();
      assertEquals(304, again.status());
      assertEquals(0, again.bytes().length);
      TestResponse weak =
          client.request("GET", "/page/").header("If-None-Match", "W/" + etag).send();
      assertEquals(304, weak.status(), "weak comparison, as for GET");
      TestResponse other =
          client.request("GET", "/page/").header("If-None-Match", "\"other\"").send();
      assertEquals(200, other.status());
      assertEquals("<p>same page</p>", other.text());
      TestResponse post = client.request("POST", "/page/").header("If-None-Match", etag).send();
      assertEquals(200, post.status(), "only GET and HEAD are answered with 304");
    }
  }

  @Test
  void lastModified_answersIfModifiedSince_andNoStoreGetsNoEtag() {
    try (Galvani galvani = site()) {
      TestClient client = new TestClient(galvani);
      TestResponse first = client.get("/dated/");
      assertTrue(first.header("ETag").isEmpty(), "no-store responses get no ETag");
      TestResponse same =
          client.request("GET", "/dated/").header("If-Modified-Since", MODIFIED).send();
      assertEquals(304, same.status());
      assertEquals(MODIFIED, same.header("Last-Modified").orElseThrow());
      TestResponse older =
          client
              .request("GET", "/dated/")
              .header("If-Modified-Since", "Mon, 23 Nov 2026 10:00:00 GMT")
              .send();
      assertEquals(200, older.status());
      TestResponse garbage =
          client.request("GET", "/dated/").header("If-Modified-Since", "yesterday").send();
      assertEquals(200, garbage.status(), "an unreadable date is ignored");
      assertEquals(404, client.get("/missing/").status());
      assertTrue(client.get("/missing/").header("ETag").isEmpty(), "errors get no ETag");
    }
  }
}
