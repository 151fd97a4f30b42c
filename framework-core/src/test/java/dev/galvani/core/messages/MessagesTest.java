package dev.galvani.core.messages;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.sessions.SessionSite;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.core.urls.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {
  @TempDir Path templates;

  @BeforeEach
  void writeTemplates() throws IOException {
    // snippet:template
    Files.writeString(
        templates.resolve("messages.html"),
        "<li th:each=\"message : ${messages}\" th:class=\"${message.levelTag()}\""
            + " th:text=\"${message.text()}\">A message</li>");
    // end-snippet
    Files.writeString(templates.resolve("count.html"), "<p th:text=\"${messages.size()}\">0</p>");
  }

  // snippet:vote
  static Response vote(Request request) {
    Messages.success(request, "Your vote was saved.");
    return Response.redirect("/page/");
  }

  // end-snippet

  static Response page(Request request) {
    return Response.render(request, "messages.html", Map.of());
  }

  static Response plain(Request request) {
    return Response.text("nothing to see");
  }

  static Response levels(Request request) {
    Messages.debug(request, "debugging");
    Messages.info(request, "for your information");
    Messages.warning(request, "careful");
    Messages.error(request, "it failed");
    return Response.text("added");
  }

  static Response add(Request request) {
    Messages.info(request, request.query().get("text", "hello"));
    return Response.text("added");
  }

  static Response readThenAdd(Request request) {
    String read =
        Messages.get(request).stream().map(Message::text).collect(Collectors.joining(","));
    Messages.info(request, "added after reading");
    return Response.text(read);
  }

  static Response api(Request request) {
    return Response.text(
        Messages.get(request).stream()
            .map(message -> message.levelTag() + ": " + message.text())
            .collect(Collectors.joining("\n")));
  }

  static List<Route> routes() {
    return List.of(
        path("vote/", MessagesTest::vote),
        path("page/", MessagesTest::page),
        path("plain/", MessagesTest::plain),
        path("levels/", MessagesTest::levels),
        path("add/", MessagesTest::add),
        path("read-then-add/", MessagesTest::readThenAdd),
        path("api/", MessagesTest::api),
        path("count/", request -> Response.render(request, "count.html", Map.of())));
  }

  private Settings settings(List<Middleware> middleware) {
    // snippet:wiring
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware(), new MessageMiddleware()))
            .apps(new MessagesApp());
    // end-snippet
    return settings
        .middleware(middleware)
        .templateDirs(List.of(templates))
        .rootUrls(MessagesTest::routes);
  }

  private TestClient withSessions() {
    return new TestClient(
        new Galvani(settings(List.of(new SessionMiddleware(), new MessageMiddleware()))));
  }

  private TestClient withCookies() {
    return new TestClient(new Galvani(settings(List.of(new MessageMiddleware()))));
  }

  @Test
  void message_isShownOnceOnTheNextPageThenGone() {
    // snippet:shown-once
    TestClient client = withSessions();
    client.get("/vote/");
    assertEquals("<li class=\"success\">Your vote was saved.</li>", client.get("/page/").text());
    assertEquals("", client.get("/page/").text());
    // end-snippet
  }

  @Test
  void message_survivesARedirect() {
    TestResponse response = withSessions().followRedirects(true).get("/vote/");
    assertEquals(List.of("/page/"), response.redirectChain());
    assertEquals("<li class=\"success\">Your vote was saved.</li>", response.text());
  }

  @Test
  void message_withoutSessions_travelsInASignedCookieAndIsShownOnce() {
    TestClient client = withCookies();
    TestResponse vote = client.get("/vote/");
    assertTrue(client.cookies().containsKey("messages"));
    assertTrue(vote.header("Vary").isEmpty(), "no session was touched");
    assertEquals("<li class=\"success\">Your vote was saved.</li>", client.get("/page/").text());
    assertFalse(client.cookies().containsKey("messages"), "the cookie is deleted once shown");
    assertEquals("", client.get("/page/").text());
  }

  @Test
  void message_withForgedCookie_isIgnored() {
    TestClient client = withCookies();
    client.cookie("messages", "W3sibGV2ZWwiOiJFUlJPUiIsInRleHQiOiJwd25lZCJ9XQ:1:forged");
    TestResponse response = client.get("/page/");
    assertEquals(200, response.status());
    assertEquals("", response.text());
  }

  @Test
  void message_textIsEscapedInTemplates() {
    TestClient client = withSessions();
    client.get("/add/?text=" + "%3Cscript%3Ealert(1)%3C/script%3E");
    String html = client.get("/page/").text();
    assertEquals("<li class=\"info\">&lt;script&gt;alert(1)&lt;/script&gt;</li>", html);
  }

  @Test
  void message_notRead_isKeptForALaterRequest() {
    TestClient client = withSessions();
    client.get("/vote/");
    client.get("/plain/");
    client.get("/count/"); // counting does not mark them used
    assertTrue(client.get("/page/").text().contains("Your vote was saved."));
    assertEquals("", client.get("/page/").text());
  }

  @Test
  void messages_countInATemplate_doesNotUseThem() {
    TestClient client = withCookies();
    client.get("/vote/");
    assertEquals("<p>1</p>", client.get("/count/").text());
    assertEquals("<p>1</p>", client.get("/count/").text());
  }

  @Test
  void messages_belowTheMinimumLevel_areDropped() {
    TestClient client = withSessions();
    client.get("/levels/");
    assertEquals(
        "info: for your information\nwarning: careful\nerror: it failed",
        client.get("/api/").text());
  }

  @Test
  void messages_withMinimumLevelDebug_keepDebugMessages() {
    Settings settings =
        settings(List.of(new SessionMiddleware(), new MessageMiddleware()))
            .set(MessageSettings.KEY, MessageSettings.defaults().withMinimumLevel(Level.DEBUG));
    TestClient client = new TestClient(new Galvani(settings));
    client.get("/levels/");
    assertTrue(client.get("/api/").text().contains("debugging"));
  }

  @Test
  void messages_addedAfterReading_areKeptForTheNextRequest() {
    TestClient client = withSessions();
    client.get("/add/?text=first");
    assertEquals("first", client.get("/read-then-add/").text());
    assertEquals("added after reading", client.get("/read-then-add/").text());
  }

  @Test
  void messages_manyTooLargeForTheCookie_keepTheNewest() {
    TestClient client = withCookies();
    for (int i = 0; i < 30; i++) {
      client.get("/add/?text=message-" + i + "-" + "x".repeat(40));
    }
    String shown = client.get("/api/").text();
    assertTrue(shown.contains("message-29-"), shown);
    assertFalse(shown.contains("message-0-"), shown);
  }

  @Test
  void messagesAdd_withoutTheMiddleware_failsNamingIt() {
    TestResponse response =
        new TestClient(new Galvani(settings(List.of(new SessionMiddleware())).debug(true)))
            .get("/vote/");
    assertEquals(500, response.status());
    assertTrue(response.text().contains("Flash messages need MessageMiddleware"));
  }

  @Test
  void messagesInTemplates_withoutTheMiddleware_areEmpty() {
    TestResponse response = new TestClient(new Galvani(settings(List.of()))).get("/page/");
    assertEquals(200, response.status());
    assertEquals("", response.text());
  }
}
