package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code serve} in a real JVM: SIGTERM lets the in-flight request finish, then the JVM exits. */
class SigtermShutdownTest {
  @Test
  void sigterm_finishesInFlightRequestsThenExits() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process site =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SlowSiteMain.class.getName(),
                "serve",
                "127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    HttpClient http = HttpClient.newHttpClient();
    try {
      waitUntilUp(http, port);
      CompletableFuture<HttpResponse<String>> inFlight =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow/")).build(),
              HttpResponse.BodyHandlers.ofString());
      Thread.sleep(500);
      site.destroy(); // SIGTERM
      HttpResponse<String> response = inFlight.get(15, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      assertEquals("finished", response.body());
      assertTrue(site.waitFor(15, TimeUnit.SECONDS), "the JVM exits after the shutdown");
    } finally {
      site.destroyForcibly();
    }
  }

  private static void waitUntilUp(HttpClient http, int port) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the site did not start on port " + port);
  }
}
