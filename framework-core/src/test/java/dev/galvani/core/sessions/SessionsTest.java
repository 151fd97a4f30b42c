package dev.galvani.core.sessions;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Response;
import dev.galvani.core.sessions.SessionSite.MutableClock;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class SessionsTest {
  private final MutableClock clock = new MutableClock();

  /** Both stores must behave alike for what a visitor can observe. */
  enum Store {
    SIGNED_COOKIE(SessionSite::cookieSite),
    CACHE(SessionSite::cacheSite);

    private final Function<MutableClock, Galvani> site;

    Store(Function<MutableClock, Galvani> site) {
      this.site = site;
    }

    TestClient client(MutableClock clock) {
      return new TestClient(site.apply(clock));
    }
  }

  private static Optional<String> setCookie(TestResponse response, String name) {
    return response.cookies().stream()
        .filter(cookie -> cookie.name().equals(name))
        .map(Cookie::toHeader)
        .findFirst();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_keepsACounterAcrossRequests(Store store) {
    // snippet:counter-test
    TestClient client = store.client(clock);
    assertEquals("visits: 1", client.get("/count/").text());
    assertEquals("visits: 2", client.get("/count/").text());
    assertEquals("visits: 3", client.get("/count/").text());
    // end-snippet
    assertEquals("visits: 1", store.client(clock).get("/count/").text(), "a new visitor");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_notTouchedByTheView_costsNoCookieAndNoVary(Store store) {
    TestClient client = store.client(clock);
    client.get("/count/");
    TestResponse response = client.get("/plain/");
    assertTrue(response.cookies().isEmpty());
    assertTrue(response.header("Vary").isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_readButNotChanged_variesOnCookieAndSetsNoCookie(Store store) {
    TestClient client = store.client(clock);
    client.get("/login/?user=ada");
    TestResponse response = client.get("/whoami/");
    assertEquals("ada", response.text());
    assertEquals("Cookie", response.header("Vary").orElseThrow());
    assertTrue(response.cookies().isEmpty());
  }

  @Test
  void sessionCookie_byDefault_isHttpOnlyLaxWithTwoWeeksMaxAge() {
    TestResponse response = Store.SIGNED_COOKIE.client(clock).get("/count/");
    String header = setCookie(response, "sessionid").orElseThrow();
    assertTrue(header.contains("; Max-Age=1209600; Path=/; HttpOnly; SameSite=Lax"), header);
    assertFalse(header.contains("Secure"), header);
  }

  @Test
  void sessionCookie_withConfiguredAttributes_carriesThem() {
    // snippet:settings
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(
                SessionSettings.KEY,
                SessionSettings.defaults()
                    .withCookieName("visit")
                    .withSecure(true)
                    .withDomain("example.com")
                    .withSameSite("Strict")
                    .withAge(Duration.ofHours(8)));
    // end-snippet
    TestResponse response = new TestClient(new Galvani(settings)).get("/count/");
    String header = setCookie(response, "visit").orElseThrow();
    assertTrue(header.startsWith("visit="), header);
    assertTrue(
        header.endsWith(
            "; Max-Age=28800; Path=/; Domain=example.com; Secure; HttpOnly;" + " SameSite=Strict"),
        header);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_expireAtBrowserClose_sendsCookieWithoutMaxAge(Store store) {
    TestClient client = store.client(clock);
    TestResponse response = client.get("/until-browser-closes/");
    String header = setCookie(response, "sessionid").orElseThrow();
    assertFalse(header.contains("Max-Age"), header);
    assertEquals("kiosk", client.get("/whoami/").text());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_withGarbageCookie_startsFreshAnonymousSession(Store store) {
    String[] garbage = {
      "x".repeat(4096),
      "A".repeat(100_000),
      "not-base64!!:zz:zz",
      "e30:1:AAAA",
      ":::",
      "A".repeat(43),
      Base64.getUrlEncoder().encodeToString(new byte[3000])
    };
    for (String value : garbage) {
      TestClient client = store.client(clock).cookie("sessionid", value);
      TestResponse response = client.get("/whoami/");
      assertEquals(200, response.status(), value.substring(0, Math.min(20, value.length())));
      assertEquals("anonymous", response.text());
      assertEquals("visits: 1", client.get("/count/").text());
    }
  }

  @Test
  void session_withValidlySignedButInvalidJson_startsFreshAnonymousSession() {
    Galvani galvani = SessionSite.cookieSite(clock);
    for (String text : List.of("not json", "[1,2]", "{\"data\":[]}", "{\"data\":{}}", "{}")) {
      String signed = galvani.signer(SignedCookieSessionStore.SALT).sign(text);
      TestClient client = new TestClient(galvani).cookie("sessionid", signed);
      assertEquals("anonymous", client.get("/whoami/").text(), text);
    }
  }

  @Test
  void session_withForgedCookie_startsFreshAnonymousSession() {
    TestClient client = Store.SIGNED_COOKIE.client(clock);
    client.get("/login/?user=ada");
    String genuine = client.cookies().get("sessionid");
    String forgedData =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"data\":{\"user\":\"admin\"},\"expiresAt\":99999999999}"
                    .getBytes(StandardCharsets.UTF_8));
    String forged = forgedData + genuine.substring(genuine.indexOf(':'));

    TestClient attacker = Store.SIGNED_COOKIE.client(clock).cookie("sessionid", forged);
    assertEquals("anonymous", attacker.get("/whoami/").text());
    assertEquals("ada", client.get("/whoami/").text(), "the genuine cookie still works");
  }

  @Test
  void session_withCookieSignedForAnotherPurpose_startsFreshAnonymousSession() {
    Galvani galvani = SessionSite.cookieSite(clock);
    String otherSalt =
        galvani.signer("password-reset").sign("{\"data\":{\"user\":\"admin\"},\"expiresAt\":9e10}");
    TestClient client = new TestClient(galvani).cookie("sessionid", otherSalt);
    assertEquals("anonymous", client.get("/whoami/").text());
  }

  @Test
  void session_withUnknownId_getsANewRandomId() {
    byte[] planted = new byte[32];
    new SecureRandom().nextBytes(planted);
    String plantedId = Base64.getUrlEncoder().withoutPadding().encodeToString(planted);
    TestClient victim = Store.CACHE.client(clock).cookie("sessionid", plantedId);

    victim.get("/count/");

    String id = victim.cookies().get("sessionid");
    assertNotEquals(plantedId, id, "the server never adopts an id chosen by the client");
    assertEquals("visits: 2", victim.get("/count/").text());
  }

  @Test
  void cycleKey_changesTheCookieButKeepsTheData() {
    TestClient client = Store.CACHE.client(clock);
    client.get("/count/");
    String before = client.cookies().get("sessionid");

    client.get("/login/?user=ada");

    String after = client.cookies().get("sessionid");
    assertNotEquals(before, after);
    assertEquals("visits: 2", client.get("/count/").text());
    assertEquals("ada", client.get("/whoami/").text());
    TestClient oldCookie = Store.CACHE.client(clock).cookie("sessionid", before);
    assertEquals("anonymous", oldCookie.get("/whoami/").text(), "the old id is gone");
  }

  @Test
  void flush_logsOutAndTheOldIdNoLongerWorks() {
    Galvani galvani = SessionSite.cacheSite(clock);
    TestClient client = new TestClient(galvani);
    client.get("/login/?user=ada");
    String stolen = client.cookies().get("sessionid");

    TestResponse logout = client.get("/logout/");

    assertEquals(
        "sessionid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
        setCookie(logout, "sessionid").orElseThrow());
    assertFalse(client.cookies().containsKey("sessionid"));
    assertEquals("anonymous", client.get("/whoami/").text());
    TestClient thief = new TestClient(galvani).cookie("sessionid", stolen);
    assertEquals("anonymous", thief.get("/whoami/").text());
  }

  @Test
  void flush_withSignedCookies_deletesTheCookie() {
    TestClient client = Store.SIGNED_COOKIE.client(clock);
    client.get("/login/?user=ada");
    client.get("/logout/");
    assertFalse(client.cookies().containsKey("sessionid"));
    assertEquals("anonymous", client.get("/whoami/").text());
  }

  @Test
  void sessionIds_are256RandomBitsAndAllDiffer() {
    Galvani galvani = SessionSite.cacheSite(clock);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      TestClient client = new TestClient(galvani);
      client.get("/count/");
      String id = client.cookies().get("sessionid");
      assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
      assertEquals(32, Base64.getUrlDecoder().decode(id).length);
      ids.add(id);
    }
    assertEquals(50, ids.size());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_afterItsAge_isGone(Store store) {
    TestClient client = store.client(clock);
    client.get("/login/?user=ada");
    clock.advance(Duration.ofDays(13));
    assertEquals("ada", client.get("/whoami/").text());
    clock.advance(Duration.ofDays(2));
    assertEquals("anonymous", client.get("/whoami/").text());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void setExpiry_shortensTheSessionAndItsCookie(Store store) {
    TestClient client = store.client(clock);
    TestResponse response = client.get("/short/");
    assertTrue(setCookie(response, "sessionid").orElseThrow().contains("Max-Age=300;"));
    clock.advance(Duration.ofMinutes(4));
    assertEquals("guest", client.get("/whoami/").text());
    clock.advance(Duration.ofMinutes(2));
    assertEquals("anonymous", client.get("/whoami/").text());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_changedByAFailingView_isNotSaved(Store store) {
    TestClient client = store.client(clock);
    client.get("/count/");
    String before = client.cookies().get("sessionid");
    TestResponse response = client.get("/broken/");
    assertEquals(500, response.status());
    assertTrue(setCookie(response, "sessionid").isEmpty());
    assertEquals(before, client.cookies().get("sessionid"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_recordValues_readBackAsRecords(Store store) {
    TestClient client = store.client(clock);
    assertEquals("previous visit: none", client.get("/visited-at/").text());
    assertEquals(
        "previous visit: /visited-at/ at 2026-05-01T10:00:00Z", client.get("/visited-at/").text());
  }

  @Test
  void session_tooLargeForACookie_failsClearlyInDebug() {
    Settings settings = SessionSite.settings(List.of(new SessionMiddleware())).debug(true);
    TestResponse response = new TestClient(new Galvani(settings)).get("/big/");
    assertEquals(500, response.status());
    assertTrue(
        response.text().contains("The session cookie &#39;sessionid&#39; would be")
            || response.text().contains("The session cookie 'sessionid' would be"),
        response.text());
    assertTrue(response.text().contains("CacheSessionStore"));
  }

  @Test
  void session_tooLargeForACookie_logsAnErrorInProduction() {
    Logger logger = (Logger) LoggerFactory.getLogger(SessionMiddleware.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    try {
      TestResponse response = Store.SIGNED_COOKIE.client(clock).get("/big/");
      assertEquals(200, response.status());
      assertTrue(response.cookies().isEmpty());
      assertEquals(1, captured.list.size());
      assertTrue(captured.list.get(0).getFormattedMessage().contains("[essay]"));
    } finally {
      logger.detachAppender(captured);
    }
  }

  @Test
  void session_tooLargeForACookie_isFineInTheCacheStore() {
    TestResponse response = Store.CACHE.client(clock).get("/big/");
    assertEquals(200, response.status());
    assertTrue(setCookie(response, "sessionid").isPresent());
  }

  @Test
  void sessionOf_withoutTheMiddleware_failsNamingIt() {
    Settings settings = SessionSite.settings(List.of()).debug(true);
    TestResponse response = new TestClient(new Galvani(settings)).get("/whoami/");
    assertEquals(500, response.status());
    assertTrue(response.text().contains("add SessionMiddleware to Settings.middleware"));
  }

  @Test
  void cacheStore_usesTheCachePublishedByAnApp() {
    // snippet:cache-store
    Cache cache = new LocalMemoryCache();
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(SessionSettings.KEY, SessionSettings.defaults().withStore(new CacheSessionStore()))
            .apps(new SessionSite.CacheApp(cache));
    // end-snippet
    TestClient client = new TestClient(new Galvani(settings));
    client.get("/count/");
    String id = client.cookies().get("sessionid");
    String stored =
        new String(cache.get(CacheSessionStore.PREFIX + id).orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(stored.startsWith("{\"data\":{\"visits\":1},\"expiresAt\":"), stored);
  }

  @Test
  void cacheStore_withoutAPublishedCache_failsAtStartupWithSessionsE001() {
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(
                SessionSettings.KEY, SessionSettings.defaults().withStore(new CacheSessionStore()));
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("sessions.E001"), error.getMessage());
    assertTrue(error.getMessage().contains("Cache.KEY"), error.getMessage());
  }

  @Test
  void deployChecks_insecureCookie_reportSessionsW001AndW002() {
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(SessionSettings.KEY, SessionSettings.defaults().withHttpOnly(false));
    Galvani galvani = new Galvani(settings);
    List<String> ids =
        SessionChecks.deploy().stream()
            .flatMap(check -> check.run(galvani).stream())
            .map(CheckMessage::id)
            .toList();
    assertEquals(List.of("sessions.W001", "sessions.W002"), ids);
    Galvani secure =
        new Galvani(
            SessionSite.settings(List.of(new SessionMiddleware()))
                .set(SessionSettings.KEY, SessionSettings.defaults().withSecure(true)));
    assertTrue(SessionChecks.deploy().get(0).run(secure).isEmpty());
    Galvani withoutSessions = new Galvani(SessionSite.settings(List.of()));
    assertTrue(SessionChecks.deploy().get(0).run(withoutSessions).isEmpty());
  }

  @Test
  void deployCheck_sessionsInProcessMemory_withSeveralInstances_reportSessionsW003() {
    Settings twoInstances =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(
                SessionSettings.KEY,
                SessionSettings.defaults().withSecure(true).withStore(new CacheSessionStore()))
            .apps(new SessionSite.CacheApp(new LocalMemoryCache()))
            .instances(2);
    List<CheckMessage> found =
        SessionChecks.deploy().stream()
            .flatMap(check -> check.run(new Galvani(twoInstances)).stream())
            .toList();
    assertEquals(List.of("sessions.W003"), found.stream().map(CheckMessage::id).toList());
    assertTrue(found.get(0).message().contains("2 instances are declared"), found.toString());

    Settings oneInstance =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(
                SessionSettings.KEY,
                SessionSettings.defaults().withSecure(true).withStore(new CacheSessionStore()))
            .apps(new SessionSite.CacheApp(new LocalMemoryCache()));
    assertTrue(
        SessionChecks.deploy().stream()
            .flatMap(check -> check.run(new Galvani(oneInstance)).stream())
            .toList()
            .isEmpty());
    assertThrows(IllegalArgumentException.class, () -> oneInstance.instances(0));
  }

  @Test
  void session_valueJacksonCannotWrite_failsInSetNamingIt() {
    Settings settings = SessionSite.settings(List.of(new SessionMiddleware())).debug(true);
    TestResponse response = new TestClient(new Galvani(settings)).get("/unstorable/");
    assertEquals(500, response.status());
    assertTrue(response.text().contains("cannot be stored as JSON"), response.text());
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void session_numbers_convertToTheTypeAskedFor(Store store) {
    TestClient client = store.client(clock);
    client.get("/count/");
    assertEquals("1 as Long", client.get("/visits-as-long/").text());
  }

  @Test
  void cacheStore_sessionEndedByALogoutMeanwhile_isNotBroughtBack() {
    AtomicReference<Runnable> duringView = new AtomicReference<>(() -> {});
    Settings settings =
        SessionSite.settings(List.of(new SessionMiddleware()))
            .set(SessionSettings.KEY, SessionSettings.defaults().withStore(new CacheSessionStore()))
            .apps(new SessionSite.CacheApp(new LocalMemoryCache()))
            .rootUrls(
                () ->
                    List.of(
                        path(
                            "login/",
                            r -> {
                              Session.of(r).cycleKey();
                              Session.of(r).set("user", "ada");
                              return Response.text("in");
                            }),
                        path(
                            "logout/",
                            r -> {
                              Session.of(r).flush();
                              return Response.text("out");
                            }),
                        path(
                            "whoami/",
                            r ->
                                Response.text(
                                    Session.of(r).get("user", String.class).orElse("anon"))),
                        path(
                            "slow/",
                            r -> {
                              Session session = Session.of(r);
                              session.get("user", String.class); // loaded before the logout
                              duringView.get().run(); // another tab logs out meanwhile
                              session.set("lastPage", "/slow/");
                              return Response.text("slow done");
                            })));
    Galvani galvani = new Galvani(settings);
    TestClient victim = new TestClient(galvani);
    victim.get("/login/");
    String stolenId = victim.cookies().get("sessionid");
    TestClient otherTab = new TestClient(galvani).cookie("sessionid", stolenId);
    duringView.set(() -> otherTab.get("/logout/"));
    TestResponse slow = victim.get("/slow/");
    assertEquals(400, slow.status(), "the save is refused, as Django's SessionInterrupted");
    assertEquals(
        "anon",
        new TestClient(galvani).cookie("sessionid", stolenId).get("/whoami/").text(),
        "the session ended at logout stays ended");
  }
}
