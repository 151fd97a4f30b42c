package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.mail.EmailBackend;
import dev.galvani.core.mail.InMemoryEmailBackend;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging in and out through the views, as a browser does, on a migrated database. */
class AuthFlowTest {
  Settings settings;
  Galvani galvani;
  Database db;
  Passwords passwords;

  @BeforeEach
  void site() {
    String url = TestDatabases.url(Vendor.H2);
    settings = AuthSite.settings(url);
    AuthSite.Result migrated = AuthSite.command(settings, "migrate");
    assertEquals(0, migrated.status(), migrated.err());
    galvani = new Galvani(AuthSite.settings(url));
    db = Orm.database(galvani);
    passwords = Auth.passwords(galvani);
    User ada = new User("ada");
    passwords.setPassword(ada, "correct horse battery staple");
    db.save(ada);
  }

  @AfterEach
  void close() {
    galvani.close();
  }

  private TestResponse logIn(TestClient client, String username, String password, String next) {
    return client.post(
        "/accounts/login/", Map.of("username", username, "password", password, "next", next));
  }

  private static String sessionCookie(TestClient client) {
    return client.cookies().getOrDefault(SessionSettings.defaults().cookieName(), "");
  }

  @Test
  void login_redirectsToNext_changesTheSessionKey_andTheOldCookieStaysAnonymous() {
    TestClient client = new TestClient(galvani);
    assertEquals("home of ", client.get("/").text());
    client.get("/accounts/login/");
    // a session planted before login
    TestResponse visit = client.get("/private/");
    assertEquals(302, visit.status());
    assertEquals("/accounts/login/?next=%2Fprivate%2F", visit.header("Location").orElseThrow());
    client.get("/visit/");
    client.get("/accounts/login/"); // the form sets a CSRF cookie
    String before = sessionCookie(client);
    String csrfBefore = client.cookies().getOrDefault("csrftoken", "");
    assertFalse(before.isEmpty(), "a session exists before login");
    assertFalse(csrfBefore.isEmpty(), "a CSRF cookie exists before login");

    TestResponse login = logIn(client, "ada", "correct horse battery staple", "/private/");
    assertNotEquals(csrfBefore, client.cookies().get("csrftoken"), "the CSRF secret is rotated");
    assertEquals(302, login.status(), login.text());
    assertEquals("/private/", login.header("Location").orElseThrow());
    String after = sessionCookie(client);
    assertFalse(after.isEmpty());
    assertNotEquals(before, after);
    assertEquals("private page of ada", client.get("/private/").text());
    assertTrue(db.objects(User.class).get("username", "ada").getLastLogin() != null);

    TestClient planted =
        new TestClient(galvani).cookie(SessionSettings.defaults().cookieName(), before);
    assertEquals("home of ", planted.get("/").text(), "the pre-login key was dropped");
  }

  @Test
  void aWrongPassword_anUnknownUser_andAnInactiveUser_getTheSameMessage() {
    User off = new User("off");
    passwords.setPassword(off, "pw-of-the-inactive-user");
    off.setActive(false);
    db.save(off);
    for (String[] attempt :
        new String[][] {
          {"ada", "wrong"},
          {"nobody", "correct horse battery staple"},
          {"off", "pw-of-the-inactive-user"}
        }) {
      TestClient client = new TestClient(galvani);
      TestResponse failed = logIn(client, attempt[0], attempt[1], "");
      assertEquals(200, failed.status());
      assertTrue(failed.text().contains(AuthViews.INVALID_LOGIN), failed.text());
      assertEquals("home of ", client.get("/").text());
    }
  }

  @Test
  void anUnsafeNext_fallsBackToTheLoginRedirect() {
    TestClient client = new TestClient(galvani);
    TestResponse login =
        logIn(client, "ada", "correct horse battery staple", "https://evil.example/");
    assertEquals("/", login.header("Location").orElseThrow());
  }

  @Test
  void logout_isPostOnly_andTheOldCookieIsAnonymousAfterIt() {
    TestClient client = new TestClient(galvani);
    logIn(client, "ada", "correct horse battery staple", "/");
    String loggedIn = sessionCookie(client);
    assertEquals("home of ada", client.get("/").text());

    assertEquals(405, client.get("/accounts/logout/").status());
    TestResponse out = client.post("/accounts/logout/", Map.of());
    assertEquals(302, out.status());
    assertEquals("home of ", client.get("/").text());

    TestClient replay =
        new TestClient(galvani).cookie(SessionSettings.defaults().cookieName(), loggedIn);
    assertEquals("home of ", replay.get("/").text(), "the logged-in session was deleted");
  }

  @Test
  void aPasswordChangeInOneSession_logsOutTheOthers_butNotItself() {
    TestClient a = new TestClient(galvani);
    TestClient b = new TestClient(galvani);
    logIn(a, "ada", "correct horse battery staple", "/");
    logIn(b, "ada", "correct horse battery staple", "/");
    assertEquals("home of ada", a.get("/").text());
    assertEquals("home of ada", b.get("/").text());

    assertEquals("changed", a.post("/change-password/", Map.of("new", "a new passphrase")).text());
    assertEquals("home of ", b.get("/").text(), "B is logged out by the change");
    assertEquals("home of ada", a.get("/").text(), "A, which changed it, stays logged in");
    assertEquals(302, logIn(new TestClient(galvani), "ada", "a new passphrase", "/").status());
  }

  @Test
  void guards_redirectAnonymousVisitors_andAnswer403ToUsersWithoutThePermission() {
    TestClient client = new TestClient(galvani);
    assertEquals(302, client.get("/notes/edit/").status());
    assertEquals(302, client.get("/staff/").status());
    logIn(client, "ada", "correct horse battery staple", "/");
    assertEquals(403, client.get("/notes/edit/").status());
    assertEquals(403, client.get("/staff/").status());
    assertTrue(client.get("/whoami/").text().contains("user ada"));
    assertFalse(client.get("/whoami/").text().contains("can change notes"));

    User ada = db.objects(User.class).get("username", "ada");
    Permission change =
        db.objects(Permission.class).filter("appLabel", "notes").get("codename", "change_note");
    db.atomic(
        () -> {
          User managed = db.objects(User.class).get("id", ada.getId());
          Group editors = db.save(new Group("editors"));
          editors.getPermissions().add(change);
          managed.getGroups().add(editors);
        });
    assertEquals("editing notes", client.get("/notes/edit/").text());
    assertTrue(client.get("/whoami/").text().contains("can change notes"));
    assertEquals(403, client.get("/staff/").status());
  }

  @Test
  void failedLogins_lockTheUsername_withoutSayingWhetherThePasswordWasRight() throws Exception {
    // snippet:lockout
    AuthSettings strict =
        AuthSettings.defaults()
            .withBcryptCost(AuthSite.TEST_COST)
            .withLockout(new AuthSettings.Lockout(3, 0, Duration.ofSeconds(2)));
    // end-snippet
    try (Galvani site = AuthSite.migratedSite(strict)) {
      AuthSite.user(site, "bob", "bobs password");
      TestClient client = new TestClient(site);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, logIn(client, "bob", "guess " + i, "").status());
      }
      TestResponse right = logIn(client, "bob", "bobs password", "");
      TestResponse wrong = logIn(client, "bob", "another guess", "");
      for (TestResponse locked : List.of(right, wrong)) {
        assertEquals(429, locked.status());
        assertTrue(
            locked.text().contains("Too many failed login attempts. Try again in 1 minute."),
            locked.text());
        assertTrue(locked.header("Retry-After").isPresent());
      }
      assertEquals(
          withoutCsrfToken(right.text()),
          withoutCsrfToken(wrong.text()),
          "the answer does not depend on the password");
      assertEquals("home of ", client.get("/").text());
      // also "Bob": usernames are counted without case
      assertEquals(429, logIn(new TestClient(site), "BOB", "bobs password", "").status());

      Thread.sleep(2_100); // the cool-off
      assertEquals(302, logIn(client, "bob", "bobs password", "").status());
      assertEquals("home of bob", client.get("/").text());
    }
  }

  /** The page without its CSRF token, which is masked afresh on every render. */
  private static String withoutCsrfToken(String page) {
    return page.replaceAll("name=\"csrfmiddlewaretoken\" value=\"[^\"]*\"", "");
  }

  @Test
  void checkDeploy_warnsAboutACheapBcryptCost_andLoginsInSignedCookies() {
    List<String> test =
        galvani.check(true).stream()
            .map(message -> message.id())
            .filter(id -> id.startsWith("auth."))
            .toList();
    assertEquals(
        List.of("auth.W001", "auth.W004"),
        test,
        "the test cost of 4, and reset links on the console");
    Settings signedCookies =
        AuthSite.settings(TestDatabases.url(Vendor.H2), AuthSettings.defaults())
            .set(SessionSettings.KEY, SessionSettings.defaults())
            .set(EmailBackend.KEY, new InMemoryEmailBackend());
    try (Galvani site = new Galvani(signedCookies)) {
      assertEquals(
          List.of("auth.W002"),
          site.check(true).stream()
              .map(message -> message.id())
              .filter(id -> id.startsWith("auth."))
              .toList());
    }
  }

  @Test
  void aBurstOfParallelAttempts_getsNoMoreGuessesThanTheLimit() throws Exception {
    AuthSettings strict =
        AuthSettings.defaults()
            .withBcryptCost(AuthSite.TEST_COST)
            .withLockout(new AuthSettings.Lockout(3, 0, Duration.ofMinutes(15)));
    try (Galvani site = AuthSite.migratedSite(strict)) {
      AuthSite.user(site, "bob", "bobs password");
      var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
          int guess = i;
          answers.add(
              pool.submit(() -> logIn(new TestClient(site), "bob", "guess " + guess, "").status()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
          statuses.add(answer.get());
        }
        assertEquals(
            3, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(
            13, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void anAttackersOwnLogin_doesNotResetTheCountOfTheirAddress() {
    AuthSettings perAddress =
        AuthSettings.defaults()
            .withBcryptCost(AuthSite.TEST_COST)
            .withLockout(new AuthSettings.Lockout(0, 3, Duration.ofMinutes(15)));
    try (Galvani site = AuthSite.migratedSite(perAddress)) {
      AuthSite.user(site, "mallory", "mallorys own password");
      TestClient client = new TestClient(site);
      assertEquals(200, logIn(client, "ada", "guess 1", "").status());
      assertEquals(200, logIn(client, "ada", "guess 2", "").status());
      assertEquals(302, logIn(client, "mallory", "mallorys own password", "").status());
      assertEquals(200, logIn(client, "ada", "guess 3", "").status());
      assertEquals(429, logIn(client, "ada", "guess 4", "").status());
      assertTrue(
          Auth.authenticate(site, "MALLORY", "mallorys own password").isEmpty(), "exact names");
    }
  }

  @Test
  void aPageBuiltForALoggedInUser_isMarkedSoPageCachesDoNotStoreIt() {
    TestClient client = new TestClient(galvani);
    assertEquals("authenticated: false", client.get("/marked/").text());
    logIn(client, "ada", "correct horse battery staple", "/");
    assertEquals("authenticated: true", client.get("/marked/").text());
  }

  @Test
  void aPageThatDoesNotShowTheUser_doesNotLoadIt() {
    TestClient client = new TestClient(galvani);
    logIn(client, "ada", "correct horse battery staple", "/");
    List<String> about = db.captureQueries(() -> client.get("/about/"));
    assertTrue(
        about.stream().noneMatch(sql -> sql.contains("auth_user")), "no user query: " + about);
    List<String> whoami = db.captureQueries(() -> client.get("/whoami/"));
    assertTrue(whoami.stream().anyMatch(sql -> sql.contains("auth_user")), whoami.toString());
  }

  @Test
  void aProfileEntityExtendsTheUser() {
    db.save(new Profile(db.objects(User.class).get("username", "ada"), "Wrote the first program."));
    TestClient client = new TestClient(galvani);
    logIn(client, "ada", "correct horse battery staple", "/");
    assertEquals("ada: Wrote the first program.", client.get("/profile/").text());
  }

  @Test
  void migrate_createsTheFourPermissionsOfEveryEntity_andDeclaredOnes() {
    var codenames =
        db.objects(Permission.class).filter("appLabel", "notes").orderBy("codename").list().stream()
            .map(Permission::getCodename)
            .toList();
    assertEquals(
        java.util.List.of(
            "add_note",
            "add_profile",
            "change_note",
            "change_profile",
            "delete_note",
            "delete_profile",
            "publish_note",
            "view_note",
            "view_profile"),
        codenames);
    assertEquals(
        "Can view user",
        db.objects(Permission.class)
            .filter("appLabel", "auth")
            .get("codename", "view_user")
            .getName());
    long before = db.objects(Permission.class).count();
    AuthSite.Result again = AuthSite.command(settings, "migrate");
    assertEquals(0, again.status(), again.err());
    assertEquals(before, db.objects(Permission.class).count(), "a second migrate adds none");
  }
}
