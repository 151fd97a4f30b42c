package dev.galvani.examples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.galvani.core.Galvani;
import dev.galvani.core.server.GalvaniServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both benchmark targets pass the verifier, over a real socket on a free port. */
class BenchmarkAppsTest {
  @Test
  void galvaniPassesTheVerifier() throws Exception {
    BenchmarkSettings settings = new BenchmarkSettings();
    // Duration.ZERO stops at once: a graceful stop waits ~2 s for the verifier's idle keep-alive
    // connection to be closed (and throws TimeoutException if the timeout is shorter).
    settings.host(Main.HOST).port(0).shutdownTimeout(Duration.ZERO);
    GalvaniServer server = new GalvaniServer(new Galvani(settings));
    server.start();
    try {
      List<String> failures = new Verifier(server.url("")).verify();
      assertEquals(List.of(), failures);
    } finally {
      server.stop();
    }
  }

  @Test
  void baselinePassesTheVerifier() throws Exception {
    BaselineServer server = new BaselineServer(Main.HOST, 0);
    server.start();
    try {
      List<String> failures = new Verifier("http://" + Main.HOST + ":" + server.port()).verify();
      assertEquals(List.of(), failures);
    } finally {
      server.stop();
    }
  }

  @Test
  void verifierNamesTheFailure() throws Exception {
    BaselineServer server = new BaselineServer(Main.HOST, 0);
    server.start();
    try {
      List<String> failures =
          new Verifier("http://" + Main.HOST + ":" + server.port() + "/nothing").verify();
      assertEquals(true, failures.stream().anyMatch(f -> f.startsWith("/json: status 404")));
    } finally {
      server.stop();
    }
  }
}
