package dev.galvani.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.App;
import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  /** An app with {@code models} in the named database {@code database}. */
  private record TestApp(String name, List<Class<?>> models, String database) implements ModelApp {
    TestApp(String name, List<Class<?>> models) {
      this(name, models, OrmSettings.DEFAULT);
    }
  }

  /** Settings of a site on {@code url} with the ORM and {@code apps} installed. */
  private static Settings site(String url, App... apps) {
    List<App> installed = new ArrayList<>(List.of(new OrmApp()));
    installed.addAll(List.of(apps));
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("orm-test-secret-key-long-enough-0123456789-abcdefghij"))
        .apps(installed.toArray(App[]::new))
        .rootUrls(List::of)
        .set(OrmSettings.KEY, OrmSettings.of(url));
    return settings;
  }

  @Test
  void databaseUrls_inEveryStyle_becomeJdbcUrls() {
    DatabaseUrl postgres =
        DatabaseUrl.parse("postgres://site:s3cr%40t@db.internal:6543/shop?sslmode=require");
    assertEquals(Vendor.POSTGRESQL, postgres.vendor());
    assertEquals("jdbc:postgresql://db.internal:6543/shop?sslmode=require", postgres.jdbcUrl());
    assertEquals("site", postgres.user());
    assertEquals("s3cr@t", postgres.password());
    DatabaseUrl maria = DatabaseUrl.parse("mysql://root@localhost/test");
    assertEquals("jdbc:mariadb://localhost:3306/test", maria.jdbcUrl());
    DatabaseUrl file = DatabaseUrl.parse("h2:file:db/site");
    assertEquals("jdbc:h2:file:" + Path.of("db/site").toAbsolutePath().normalize(), file.jdbcUrl());
    assertEquals(Vendor.H2, DatabaseUrl.parse("jdbc:h2:mem:x").vendor());
  }

  @Test
  void passwords_neverAppearInMessages() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://site:hunter2@db/shop");
    assertFalse(url.toString().contains("hunter2"), url.toString());
    ImproperlyConfigured bad =
        assertThrows(
            ImproperlyConfigured.class, () -> DatabaseUrl.parse("oracle://u:hunter2@db/x"));
    assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    assertTrue(bad.getMessage().startsWith("orm.E001"), bad.getMessage());
    assertTrue(bad.getMessage().contains("postgres://"), bad.getMessage());
  }

  @Test
  void malformedUrls_failNamingTheFix() {
    assertTrue(
        assertThrows(ImproperlyConfigured.class, () -> DatabaseUrl.parse("postgres://db"))
            .getMessage()
            .contains("needs a host and a database name"));
    assertTrue(
        assertThrows(ImproperlyConfigured.class, () -> DatabaseUrl.parse("h2:db"))
            .getMessage()
            .contains("h2:file:<path>"));
  }

  @Test
  void theEnvironment_setsUrlPoolAndTimeout() {
    // snippet:env
    Env env =
        new Env(
            Map.of(
                "DATABASE_URL", "postgres://u@h/d",
                "DATABASE_POOL_SIZE", "7",
                "DATABASE_CONNECT_TIMEOUT", "2"),
            Map.of());
    DatabaseConfig config = OrmSettings.fromEnv(env, "h2:mem:x").databases().get("default");
    // end-snippet
    assertEquals(Vendor.POSTGRESQL, config.url().vendor());
    assertEquals(7, config.poolSize());
    assertEquals(Duration.ofSeconds(2), config.connectionTimeout());
    DatabaseConfig fallback =
        OrmSettings.fromEnv(new Env(Map.of(), Map.of()), "h2:mem:x").databases().get("default");
    assertEquals(Vendor.H2, fallback.url().vendor());
    assertEquals(DatabaseConfig.DEFAULT_POOL_SIZE, fallback.poolSize());
  }

  @Test
  void anAppInAnUnconfiguredDatabase_stopsStartupNamingIt() {
    ModelApp reports = new TestApp("reports", List.of(), "analytics");
    Settings settings = site("h2:mem:settings-test", reports);
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("orm.E002"), error.getMessage());
    assertTrue(error.getMessage().contains("'analytics'"), error.getMessage());
  }

  @Test
  void implicitTableNames_arePrefixedWithTheApp_asInDjango() {
    ModelApp reviews = new TestApp("reviews", List.of(dev.galvani.orm.library.Review.class));
    Settings settings = site("h2:mem:naming-test", new LibraryApp(), reviews);
    try (Galvani galvani = new Galvani(settings)) {
      Database db = Orm.database(galvani);
      ModelMeta<dev.galvani.orm.library.Review> review =
          db.meta(dev.galvani.orm.library.Review.class);
      assertEquals("reviews_review", review.table());
      assertEquals("star_rating", review.require("starRating").column());
      assertEquals("book_id", review.require("book").column());
      assertEquals("orm_book", db.meta(dev.galvani.orm.library.Book.class).table());
      assertEquals(
          List.of("orm_book_tags", "reviews_review_related_tags"),
          db.hibernateMetadata().getCollectionBindings().stream()
              .filter(collection -> !collection.isOneToMany())
              .map(collection -> collection.getCollectionTable().getName())
              .sorted()
              .toList());
    }
  }

  @Test
  void aModelThatIsNotAnEntity_failsTheCheck() {
    ModelApp broken = new TestApp("broken", List.of(String.class));
    Settings settings = site("h2:mem:settings-test-2", broken);
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(
        error.getMessage().startsWith("orm.E003: java.lang.String is listed in the models of"),
        error.getMessage());
  }
}
