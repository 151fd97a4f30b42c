package dev.galvani.orm;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Response;
import dev.galvani.orm.migrations.shop.ShopApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * warmup serves pages from a migrated in-memory database over real HTTP, and never touches the
 * configured database.
 */
class WarmupTest {
  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A site whose configured database is an H2 file; its pages count the migrated products. */
  private Settings site() {
    return siteWithoutOrmSettings()
        .set(OrmSettings.KEY, OrmSettings.of("h2:file:" + folder.resolve("site")));
  }

  /** Without OrmSettings, OrmApp falls back to an H2 file under db/ in the working directory. */
  private Settings siteWithoutOrmSettings() {
    return new Settings()
        .secretKey(Secret.of("warmup-test-secret-key-of-sufficient-length-0123456789"))
        .apps(new OrmApp(), new ShopApp())
        .rootUrls(
            () ->
                List.of(
                    path("", request -> Response.redirect("/products/"), "home"),
                    path(
                        "products/",
                        request ->
                            Response.text(
                                "products: "
                                    + Orm.database(request.galvani())
                                        .connection(
                                            connection -> {
                                              try (ResultSet rows =
                                                  connection
                                                      .createStatement()
                                                      .executeQuery(
                                                          "SELECT COUNT(*) FROM mig_shop_product")) {
                                                rows.next();
                                                return rows.getInt(1);
                                              }
                                            })),
                        "products"),
                    path(
                        "broken/",
                        request -> {
                          throw new IllegalStateException("broken");
                        },
                        "broken")));
  }

  private int warmup(String... paths) {
    List<String> args = new java.util.ArrayList<>(List.of("warmup"));
    args.addAll(List.of(paths));
    return Galvani.execute(
        site(),
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pagesAreServedFromAMigratedMemoryDatabase_andTheSitesOwnIsUntouched() throws Exception {
    assertEquals(0, warmup("/", "/missing/"), output());

    assertTrue(output().contains("GET / 200 ("), "the redirect was followed: " + output());
    assertTrue(output().contains("GET /missing/ 404 ("), output());
    try (var files = Files.list(folder)) {
      assertEquals(List.of(), files.toList(), "the configured H2 file was never opened");
    }
  }

  @Test
  void httpsRedirects_otherHosts_andTheOrmFallbackFile_doNotGetInTheWay() throws Exception {
    Path fallback = Path.of("db", "site.mv.db"); // OrmApp's database without OrmSettings
    boolean existed = Files.exists(fallback);
    Settings settings =
        siteWithoutOrmSettings().sslRedirect(true).allowedHosts(List.of("example.com"));

    int status =
        Galvani.execute(
            settings,
            List.of("warmup", "/"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, status, output());
    assertTrue(output().contains("GET / 200 ("), output());
    assertEquals(existed, Files.exists(fallback), "the fallback H2 file was not created");
  }

  @Test
  void aServerError_failsTheCommand_andABadPathIsAUsageError() {
    assertEquals(1, warmup("/products/", "/broken/"), output());
    assertTrue(output().contains("GET /products/ 200"), output());
    assertTrue(output().contains("GET /broken/ 500"), output());

    out.reset();
    err.reset();
    assertEquals(2, warmup("products/"));
    assertTrue(output().contains("'products/' is not a path; paths start with /"), output());
    assertFalse(output().contains("GET"), output());
  }
}
