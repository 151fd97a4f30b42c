package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.galvani.core.http.Response;
import dev.galvani.core.messages.MessageMiddleware;
import dev.galvani.core.middleware.AccessLogMiddleware;
import dev.galvani.core.middleware.CommonMiddleware;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.security.CsrfMiddleware;
import dev.galvani.core.security.SecurityMiddleware;
import dev.galvani.core.security.XFrameOptionsMiddleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.staticfiles.StaticFilesMiddleware;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MiddlewareTest {
  // snippet:tag
  private static Middleware tag(String name, List<String> trace) {
    return next ->
        request -> {
          trace.add("before " + name);
          Response response = next.handle(request);
          trace.add("after " + name);
          return response.header("X-" + name, "seen " + response.status());
        };
  }

  // end-snippet

  @Test
  void middleware_runsInSettingsOrderLikeAnOnion() {
    // snippet:onion
    List<String> trace = new ArrayList<>();
    Settings settings =
        TestSite.settings().middleware(List.of(tag("Outer", trace), tag("Inner", trace)));
    TestResponse response = new TestClient(new Galvani(settings)).get("/");
    assertEquals("home", response.text());
    assertEquals(List.of("before Outer", "before Inner", "after Inner", "after Outer"), trace);
    // end-snippet
  }

  @Test
  void middleware_seesErrorsFromTheViewAsResponses() {
    List<String> trace = new ArrayList<>();
    // snippet:errors-as-responses
    Settings settings = TestSite.settings().middleware(List.of(tag("Outer", trace)));
    TestResponse response = new TestClient(new Galvani(settings)).get("/boom/");
    assertEquals(500, response.status());
    assertEquals("seen 500", response.header("X-Outer").orElseThrow());
    // end-snippet
    assertEquals(
        "seen 404",
        new TestClient(new Galvani(settings)).get("/x/").header("X-Outer").orElseThrow());
  }

  @Test
  void middleware_canAnswerWithoutCallingTheView() {
    // snippet:maintenance
    Middleware maintenance =
        next -> request -> Response.text("down for maintenance").withStatus(503);
    Settings settings = TestSite.settings().middleware(List.of(maintenance));
    // end-snippet
    TestResponse response = new TestClient(new Galvani(settings)).get("/");
    assertEquals(503, response.status());
  }

  @Test
  void defaultMiddleware_isInTheDocumentedOrder() {
    List<Class<?>> types =
        Settings.defaultMiddleware().stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(
        List.of(
            AccessLogMiddleware.class,
            SecurityMiddleware.class,
            XFrameOptionsMiddleware.class,
            ContentSecurityPolicyMiddleware.class,
            StaticFilesMiddleware.class,
            SessionMiddleware.class,
            CommonMiddleware.class,
            CsrfMiddleware.class,
            MessageMiddleware.class),
        types);
  }

  @Test
  void accessLog_writesOneLinePerRequest() {
    Logger logger = (Logger) LoggerFactory.getLogger("galvani.access");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try {
      TestClient client = new TestClient(TestSite.galvani());
      client.get("/articles/3/?token=secret");
      client.get("/missing/");
      assertEquals(2, captured.list.size());
      String first = captured.list.get(0).getFormattedMessage();
      assertTrue(first.startsWith("127.0.0.1 \"GET /articles/3/\" 200 "), first);
      assertTrue(first.endsWith("ms"), first);
      assertTrue(!first.contains("secret"), "query strings are not logged");
      assertTrue(captured.list.get(1).getFormattedMessage().contains("\" 404 "));
    } finally {
      logger.setLevel(before);
      logger.detachAppender(captured);
    }
  }
}
