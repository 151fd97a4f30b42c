package dev.galvani.examples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.server.GalvaniServer;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both benchmark targets pass the verifier, over a real socket on a free port: on the in-memory H2
 * fallback, and on the PostgreSQL of {@code GALVANI_TEST_POSTGRES_URL} (skipped when it is unset,
 * failed under {@code CI=true}), where the rows {@code /updates} writes are checked in the table.
 */
class BenchmarkAppsTest {
  private static final Env NO_DATABASE_URL = new Env(Map.of(), Map.of());

  @Test
  void galvani_passesTheVerifier_onH2() throws Exception {
    assertEquals(List.of(), verifyGalvani(NO_DATABASE_URL, false));
  }

  @Test
  void baseline_passesTheVerifier_onH2() throws Exception {
    assertEquals(List.of(), verifyBaseline(NO_DATABASE_URL, false));
  }

  @Test
  void galvani_passesTheVerifier_onPostgresql() throws Exception {
    assertEquals(List.of(), verifyGalvani(postgresql(), true));
  }

  @Test
  void baseline_passesTheVerifier_onPostgresql() throws Exception {
    assertEquals(List.of(), verifyBaseline(postgresql(), true));
  }

  @Test
  void verifier_withAWrongBase_namesTheFailure() throws Exception {
    BaselineServer server =
        new BaselineServer(Main.HOST, 0, BenchmarkDatabase.fromEnv(NO_DATABASE_URL));
    server.start();
    try {
      List<String> failures =
          new Verifier("http://" + Main.HOST + ":" + server.port() + "/nothing").verify();
      assertTrue(
          failures.stream().anyMatch(f -> f.startsWith("/json: status 404")), failures::toString);
    } finally {
      server.stop();
    }
  }

  @Test
  void itemList_showsTwentyRowsPerPage_and404sPastTheEnd() throws Exception {
    Galvani galvani = new Galvani(new BenchmarkSettings(NO_DATABASE_URL));
    try {
      Orm.database(galvani)
          .connection(
              connection -> {
                BenchmarkData.fillPageItems(connection, 1000);
                return null;
              });
      TestClient client = new TestClient(galvani);
      TestResponse page25 = client.get("/items/?page=25");
      assertEquals(200, page25.status());
      assertTrue(page25.text().contains("<li>item 481</li>"), page25.text());
      assertTrue(page25.text().contains("<li>item 500</li>"), page25.text());
      assertTrue(page25.text().contains("?page=26"), page25.text());
      assertEquals(200, client.get("/items/?page=50").status());
      assertEquals(404, client.get("/items/?page=51").status());
    } finally {
      galvani.close();
    }
  }

  private static Env postgresql() {
    String url = TestDatabases.url(Vendor.POSTGRESQL);
    return new Env(Map.of("DATABASE_URL", url), Map.of());
  }

  private static List<String> verifyGalvani(Env env, boolean checkTable) throws Exception {
    BenchmarkSettings settings = new BenchmarkSettings(env);
    // Duration.ZERO stops at once: a graceful stop waits ~2 s for the verifier's idle keep-alive
    // connection to be closed (and throws TimeoutException if the timeout is shorter).
    settings.host(Main.HOST).port(0).shutdownTimeout(Duration.ZERO);
    GalvaniServer server = new GalvaniServer(new Galvani(settings));
    server.start();
    try {
      return verify(server.url(""), env, checkTable);
    } finally {
      server.stop();
    }
  }

  private static List<String> verifyBaseline(Env env, boolean checkTable) throws Exception {
    BaselineServer server = new BaselineServer(Main.HOST, 0, BenchmarkDatabase.fromEnv(env));
    server.start();
    try {
      return verify("http://" + Main.HOST + ":" + server.port(), env, checkTable);
    } finally {
      server.stop();
    }
  }

  private static List<String> verify(String base, Env env, boolean checkTable)
      throws InterruptedException {
    Verifier verifier = new Verifier(base);
    List<String> failures = new ArrayList<>(verifier.verify());
    if (checkTable) {
      failures.addAll(verifier.verifyUpdatesAreWritten(env.str("DATABASE_URL", "")));
    }
    return failures;
  }
}
