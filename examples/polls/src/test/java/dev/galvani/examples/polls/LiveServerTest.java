package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.LiveServerExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The site over real HTTP, on a free loopback port. */
class LiveServerTest {
  // snippet:live-server
  @RegisterExtension
  static final LiveServerExtension server =
      new LiveServerExtension(() -> TestSites.migratedSettings());

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void index_overHttp_isHtmlInUtf8WithADate() throws Exception {
    HttpResponse<String> page = get("/polls/");

    assertEquals(200, page.statusCode());
    // the view sends "text/html; charset=utf-8"; Jetty currently rewrites it without the space,
    // which means the same (RFC 9110 allows optional whitespace), so compare without it
    String contentType = page.headers().firstValue("Content-Type").orElseThrow();
    assertEquals("text/html;charset=utf-8", contentType.replace(" ", ""));
    assertTrue(page.headers().firstValue("Date").isPresent(), page.headers().toString());
    assertTrue(page.body().contains("Tabs or spaces?"), page.body());
  }

  @Test
  void missingQuestion_overHttp_isTheSiteNotFoundPage() throws Exception {
    HttpResponse<String> page = get("/polls/99/");

    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("Page not found"), page.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
  // end-snippet
}
