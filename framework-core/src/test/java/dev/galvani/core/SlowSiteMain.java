package dev.galvani.core;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.http.Response;
import java.time.Duration;
import java.util.List;

/** A site with a slow page, run in its own JVM by {@link SigtermShutdownTest}. */
public final class SlowSiteMain {
  private SlowSiteMain() {}

  public static void main(String[] args) {
    Settings settings =
        TestSite.settings()
            .shutdownTimeout(Duration.ofSeconds(10))
            .staticRoot(java.nio.file.Path.of("src/test/resources"))
            .rootUrls(
                () ->
                    List.of(
                        path("", request -> Response.text("up")),
                        path(
                            "slow/",
                            request -> {
                              Thread.sleep(2000);
                              return Response.text("finished");
                            })));
    Galvani.run(settings, args);
  }
}
