package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.server.GalvaniServer;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on different ports sharing one PostgreSQL database, as two instances behind a load
 * balancer: a login on one holds on the other, and so does a logout.
 */
class TwoInstancesTest {
  static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

  String url;
  GalvaniServer one;
  GalvaniServer two;
  final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  Settings settings() {
    return AuthSite.settings(url).host("127.0.0.1").port(0).allowedHosts(List.of("127.0.0.1"));
  }

  @BeforeEach
  void start() throws Exception {
    url = TestDatabases.url(Vendor.POSTGRESQL);
    AuthSite.Result migrated = AuthSite.command(settings(), "migrate");
    assertEquals(0, migrated.status(), migrated.err());
    Galvani first = new Galvani(settings());
    one = new GalvaniServer(first);
    two = new GalvaniServer(new Galvani(settings()));
    one.start();
    two.start();
    Database db = Orm.database(first);
    db.objects(User.class).filter("username", "ada").delete();
    db.objects(LoginFailures.class).delete();
    User ada = new User("ada");
    Auth.passwords(first).setPassword(ada, "correct horse battery staple");
    db.save(ada);
  }

  @AfterEach
  void stop() throws Exception {
    if (one == null) {
      return; // skipped: no PostgreSQL here
    }
    one.stop();
    two.stop();
    for (String app : List.of("notes", "auth")) {
      AuthSite.Result rolledBack = AuthSite.command(settings(), "migrate", app, "zero");
      assertEquals(0, rolledBack.status(), rolledBack.err());
    }
  }

  @Test
  void aLoginOnOneInstance_holdsOnTheOther_andSoDoesALogout() throws Exception {
    assertEquals("home of ", get(two, "/").body());
    String token = csrfToken(get(one, "/accounts/login/").body());
    HttpResponse<String> login =
        post(
            one,
            "/accounts/login/",
            "username=ada&password="
                + encode("correct horse battery staple")
                + "&next=%2Fprivate%2F&csrfmiddlewaretoken="
                + token);
    assertEquals(302, login.statusCode(), login.body());

    assertEquals("private page of ada", get(two, "/private/").body());
    assertEquals("home of ada", get(one, "/").body());

    String again = csrfToken(get(two, "/accounts/login/").body());
    assertEquals(302, post(two, "/accounts/logout/", "csrfmiddlewaretoken=" + again).statusCode());
    assertEquals("home of ", get(one, "/").body());
    HttpResponse<String> guarded = get(one, "/private/");
    assertEquals(302, guarded.statusCode());
    assertTrue(
        guarded.headers().firstValue("Location").orElseThrow().startsWith("/accounts/login/"));
  }

  @Test
  void failedLoginsOnOneInstance_lockTheUsernameOnTheOther() throws Exception {
    for (int i = 0; i < 5; i++) {
      String token = csrfToken(get(one, "/accounts/login/").body());
      HttpResponse<String> failed =
          post(
              one,
              "/accounts/login/",
              "username=ada&password=guess" + i + "&csrfmiddlewaretoken=" + token);
      assertEquals(200, failed.statusCode());
    }
    String token = csrfToken(get(two, "/accounts/login/").body());
    HttpResponse<String> locked =
        post(
            two,
            "/accounts/login/",
            "username=ada&password="
                + encode("correct horse battery staple")
                + "&csrfmiddlewaretoken="
                + token);
    assertEquals(429, locked.statusCode());
    assertTrue(locked.body().contains("Too many failed login attempts"), locked.body());
    assertEquals("home of ", get(two, "/").body());
  }

  private static String csrfToken(String page) {
    Matcher field = CSRF_FIELD.matcher(page);
    assertTrue(field.find(), "the login form carries a CSRF field: " + page);
    return field.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(GalvaniServer server, String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(GalvaniServer server, String path, String form)
      throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
