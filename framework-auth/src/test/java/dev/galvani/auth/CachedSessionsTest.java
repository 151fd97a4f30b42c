package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.core.sessions.SessionSite;
import dev.galvani.core.test.TestClient;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cached-database session store: reads from the cache, survives its loss, logs out of both. */
class CachedSessionsTest {
  final Cache cache = new LocalMemoryCache();

  Settings settings(String url, boolean withCache) {
    Settings settings =
        AuthSite.settings(url)
            .set(
                SessionSettings.KEY,
                SessionSettings.defaults().withStore(new CachedDatabaseSessionStore()));
    return withCache
        ? settings.apps(
            new OrmApp(), new AuthApp(), new NotesApp(), new SessionSite.CacheApp(cache))
        : settings;
  }

  @Test
  void withoutACache_theSiteDoesNotStart_namingAuthE001() {
    ImproperlyConfigured error =
        assertThrows(
            ImproperlyConfigured.class,
            () -> new Galvani(settings(TestDatabases.url(Vendor.H2), false)));
    assertTrue(error.getMessage().contains("auth.E001"), error.getMessage());
  }

  @Test
  void sessionsAreReadFromTheCache_surviveItsLoss_andLogoutEndsThemInBoth() {
    String url = TestDatabases.url(Vendor.H2);
    assertEquals(0, AuthSite.command(settings(url, true), "migrate").status());
    try (Galvani galvani = new Galvani(settings(url, true))) {
      User ada = new User("ada");
      Auth.passwords(galvani).setPassword(ada, "correct horse battery staple");
      dev.galvani.orm.Orm.database(galvani).save(ada);
      TestClient client = new TestClient(galvani);
      client.post(
          "/accounts/login/",
          Map.of("username", "ada", "password", "correct horse battery staple", "next", "/"));
      String cookie = client.cookies().get(SessionSettings.defaults().cookieName());
      assertEquals("home of ada", client.get("/").text());

      cache.clear();
      assertEquals("home of ada", client.get("/").text(), "read from the database");
      dev.galvani.orm.Orm.database(galvani).objects(StoredSession.class).delete();
      assertEquals("home of ada", client.get("/").text(), "read from the cache, filled back");

      client.post("/accounts/logout/", Map.of());
      TestClient replay =
          new TestClient(galvani).cookie(SessionSettings.defaults().cookieName(), cookie);
      assertEquals("home of ", replay.get("/").text());
      assertTrue(cache.get(CachedDatabaseSessionStore.PREFIX + cookie).isEmpty());
    }
  }

  @Test
  void aSessionEndedMeanwhile_isNotSavedBackUnderANewKey() {
    String url = TestDatabases.url(Vendor.H2);
    assertEquals(0, AuthSite.command(settings(url, true), "migrate").status());
    try (Galvani galvani = new Galvani(settings(url, true))) {
      DatabaseSessionStore store = new DatabaseSessionStore();
      String key =
          store.save(galvani, java.util.Optional.empty(), "{}", java.time.Duration.ofHours(1));
      store.delete(galvani, key); // a logout in another request
      dev.galvani.core.http.BadRequest refused =
          assertThrows(
              dev.galvani.core.http.BadRequest.class,
              () ->
                  store.save(
                      galvani,
                      java.util.Optional.of(key),
                      "{\"user\":1}",
                      java.time.Duration.ofHours(1)));
      assertTrue(refused.getMessage().contains("reload the page"), refused.getMessage());
      assertEquals(0, dev.galvani.orm.Orm.database(galvani).objects(StoredSession.class).count());
    }
  }

  @Test
  void checkDeploy_flagsCopiesInOneProcessesMemory_whenSeveralInstancesAreDeclared() {
    try (Galvani galvani = new Galvani(settings(TestDatabases.url(Vendor.H2), true).instances(2))) {
      assertTrue(
          galvani.check(true).stream().anyMatch(message -> message.id().equals("auth.W003")));
    }
    try (Galvani galvani = new Galvani(settings(TestDatabases.url(Vendor.H2), true))) {
      assertTrue(
          galvani.check(true).stream().noneMatch(message -> message.id().equals("auth.W003")));
    }
  }
}
