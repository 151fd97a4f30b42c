package dev.galvani.orm;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.core.server.GalvaniServer;
import dev.galvani.orm.migrations.Migrator;
import dev.galvani.orm.migrations.PostMigrate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code warmup [PATH...]}: starts the site as {@code serve} would, but on a fresh in-memory
 * database per configured database (migrated first), requests each path once (default {@code /})
 * over HTTP on a free loopback port, and stops. Run it under {@code
 * -XX:ArchiveClassesAtExit=app.jsa} to record every class a start and a first page load in a
 * class-data-sharing archive; later starts with {@code -XX:SharedArchiveFile=app.jsa} map them
 * instead of loading them. Needs no database or network, so it runs in a Docker image build. Exit
 * status 1 when a page answers 5xx.
 */
public final class WarmupCommand implements Command {
  @Override
  public String name() {
    return "warmup";
  }

  @Override
  public String help() {
    return "start on an in-memory database and request pages once [PATH...], for a CDS archive";
  }

  @Override
  public void prepare(Settings settings, List<String> args) {
    for (String path : args) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("'" + path + "' is not a path; paths start with /");
      }
    }
    settings
        .get(OrmSettings.KEY)
        .ifPresent(
            orm -> {
              for (String name : List.copyOf(orm.databases().keySet())) {
                orm.database(name, "h2:mem:warmup-" + name + "-" + UUID.randomUUID());
              }
            });
    settings.host("127.0.0.1").port(0);
  }

  @Override
  public int run(CommandContext context) throws Exception {
    Galvani galvani = context.galvani();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Migrator.of(galvani, quiet).migrate();
    PostMigrate.runAll(galvani, quiet);
    GalvaniServer server = new GalvaniServer(galvani);
    server.start();
    boolean failed = false;
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      for (String path : context.args().isEmpty() ? List.of("/") : context.args()) {
        long start = System.nanoTime();
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url(path)))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        long millis = (System.nanoTime() - start) / 1_000_000;
        context.out().printf("GET %s %d (%d ms)%n", path, response.statusCode(), millis);
        failed |= response.statusCode() >= 500;
      }
    } finally {
      server.stop();
    }
    return failed ? 1 : 0;
  }
}
