package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ErrorPagesTest {
  @Test
  void production500_revealsNothingAndLogsTheStack() {
    Logger logger = (Logger) LoggerFactory.getLogger("galvani.request");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      TestResponse response = new TestClient(TestSite.galvani()).get("/boom/");
      assertEquals(500, response.status());
      String html = response.text();
      assertTrue(html.contains("500 Server Error"), html);
      assertFalse(html.contains("hunter2"), html);
      assertFalse(html.contains("IllegalStateException"), html);
      assertFalse(html.contains("at dev.galvani"), html);
      ILoggingEvent event = captured.list.get(0);
      assertEquals("GET /boom/", event.getArgumentArray()[0] + " " + event.getArgumentArray()[1]);
      assertEquals("java.lang.IllegalStateException", event.getThrowableProxy().getClassName());
    } finally {
      logger.detachAppender(captured);
    }
  }

  @Test
  void debug500_showsExceptionStackRequestAndMaskedSettings() {
    TestClient client = new TestClient(new Galvani(TestSite.settings().debug(true)));
    TestResponse response =
        client.request("GET", "/boom/?q=1").header("Cookie", "sessionid=topsecret").send();
    assertEquals(500, response.status());
    String html = response.text();
    assertTrue(html.contains("java.lang.IllegalStateException"), html);
    assertTrue(html.contains("id=\"traceback\""), html);
    assertTrue(html.contains("TestSite"), "stack frames shown");
    assertTrue(html.contains("GET /boom/?q=1"), html);
    assertTrue(html.contains("<th>SECRET_KEY</th><td>********</td>"), html);
    assertFalse(html.contains(TestSite.SECRET), "secret key never shown");
    assertFalse(html.contains("topsecret"), "cookie values masked");
  }

  @Test
  void debug404_listsThePatternsTried() {
    TestClient client = new TestClient(new Galvani(TestSite.settings().debug(true)));
    TestResponse response = client.get("/nope/");
    assertEquals(404, response.status());
    String html = response.text();
    assertTrue(html.contains("URL patterns tried"), html);
    assertTrue(html.contains("/articles/&lt;int:id&gt;/ [name='article']"), html);
    assertTrue(html.contains("blog:archive:post"), html);
  }

  @Test
  void production404_isPlainWithoutPatterns() {
    TestResponse response = new TestClient(TestSite.galvani()).get("/nope/");
    assertEquals(404, response.status());
    assertTrue(response.text().contains("404 Not Found"));
    assertFalse(response.text().contains("articles"), response.text());
  }

  @Test
  void errorTemplates_overrideTheBuiltInPages(@TempDir Path dir) throws IOException {
    // snippet:error-templates
    Files.writeString(
        dir.resolve("404.html"),
        "<h1>Lost? <span th:text=\"${status}\">x</span></h1><p th:text=\"${detail}\"></p>");
    Files.writeString(dir.resolve("403.html"), "<h1>No entry</h1><p th:text=\"${detail}\"></p>");
    TestClient client = new TestClient(new Galvani(TestSite.settings().templateDirs(List.of(dir))));
    TestResponse notFound = client.get("/nope/");
    assertEquals(404, notFound.status());
    assertTrue(notFound.text().contains("<h1>Lost? <span>404</span></h1>"), notFound.text());
    TestResponse forbidden = client.get("/forbidden/");
    assertEquals(403, forbidden.status());
    assertTrue(forbidden.text().contains("Only editors may see this"), forbidden.text());
    // end-snippet
  }

  @Test
  void jsonClients_getJsonErrors() {
    TestResponse response =
        new TestClient(TestSite.galvani())
            .request("GET", "/forbidden/")
            .header("Accept", "application/json")
            .send();
    assertEquals(403, response.status());
    assertEquals("application/json", response.header("Content-Type").orElseThrow());
    assertEquals("Forbidden", response.json().get("error").asString());
    assertEquals("Only editors may see this", response.json().get("detail").asString());
    TestResponse crash =
        new TestClient(TestSite.galvani())
            .request("GET", "/boom/")
            .header("Accept", "application/json")
            .send();
    assertEquals(500, crash.status());
    assertFalse(crash.text().contains("hunter2"), crash.text());
  }

  @Test
  void viewReturningNull_isA500NamingTheView() {
    Settings settings =
        TestSite.settings()
            .debug(true)
            .rootUrls(() -> List.of(dev.galvani.core.urls.Urls.path("null/", request -> null)));
    TestResponse response = new TestClient(new Galvani(settings)).get("/null/");
    assertEquals(500, response.status());
    assertTrue(response.text().contains("returned null instead of a Response"), response.text());
  }
}
