package dev.galvani.core.health;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.galvani.core.App;
import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Liveness and readiness for load balancers and container probes. */
class HealthMiddlewareTest {
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);

  private Galvani site() {
    App app =
        new App() {
          @Override
          public String name() {
            return "probed";
          }

          @Override
          public List<Probe> readinessProbes() {
            return List.of(
                new Probe() {
                  @Override
                  public String name() {
                    return "database:default";
                  }

                  @Override
                  public void check(Galvani galvani) throws Exception {
                    if (!databaseUp.get()) {
                      throw new java.sql.SQLException("Connection refused: secret-host:5432");
                    }
                  }
                });
          }
        };
    // snippet:health
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new HealthMiddleware()); // first: probes come with the container's address
    middleware.addAll(Settings.defaultMiddleware());
    // end-snippet
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("health-test-secret-with-enough-length-and-variety-0123456"))
        .staticRoot(Path.of("target", "no-static-root"))
        .middleware(middleware)
        .apps(app)
        .rootUrls(() -> List.of(path("", request -> Response.text("home"), "home")));
    return new Galvani(settings);
  }

  private static TestResponse get(TestClient client, String path) {
    return client.request("GET", path).header("Host", "10.1.2.3:8000").send();
  }

  @Test
  void liveness_answersAnyHost_whilePagesStillCheckAllowedHosts() {
    try (Galvani galvani = site()) {
      TestClient client = new TestClient(galvani);
      TestResponse live = get(client, "/healthz");
      assertEquals(200, live.status());
      assertEquals("{\"status\":\"ok\"}", live.text());
      assertEquals("no-store", live.header("Cache-Control").orElseThrow());
      assertEquals(400, get(client, "/").status(), "a page from that host is refused");
      assertEquals(
          404, client.post("/healthz", Map.of()).status(), "only GET and HEAD are answered");
    }
  }

  @Test
  void readiness_namesEachProbe_andAnswers503WithoutTheErrorsText() {
    try (Galvani galvani = site()) {
      TestClient client = new TestClient(galvani);
      TestResponse ready = get(client, "/readyz");
      assertEquals(200, ready.status());
      assertEquals("{\"status\":\"ok\",\"checks\":{\"database:default\":\"ok\"}}", ready.text());
      databaseUp.set(false);
      TestResponse down = get(client, "/readyz");
      assertEquals(503, down.status());
      assertEquals(
          "{\"status\":\"unavailable\",\"checks\":{\"database:default\":\"unavailable\"}}",
          down.text());
      assertFalse(down.text().contains("secret-host"));
      assertEquals(200, get(client, "/healthz").status(), "alive, though not ready");
      databaseUp.set(true);
      assertEquals(200, get(client, "/readyz").status());
    }
  }
}
