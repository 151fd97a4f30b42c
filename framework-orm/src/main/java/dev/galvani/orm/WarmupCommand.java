package dev.galvani.orm;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.CacheSettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code warmup [PATH...]}: starts the site as {@code serve} would, but on a fresh in-memory
 * database per configured database (migrated first) and an in-memory cache per configured cache,
 * requests each path once (default {@code /}) over HTTP on a free loopback port, and stops. It
 * answers on 127.0.0.1 whatever ALLOWED_HOSTS says, and does not redirect to HTTPS. Run it under
 * {@code -XX:ArchiveClassesAtExit=app.jsa} to record every class a start and a first page load in a
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
    // never the site's own database (OrmApp's fallback is an H2 file) or its cache servers
    OrmSettings orm = settings.get(OrmSettings.KEY).orElseGet(OrmSettings::new);
    OrmSettings memory = new OrmSettings();
    for (String name :
        orm.databases().isEmpty() ? List.of(OrmSettings.DEFAULT) : orm.databases().keySet()) {
      memory.database(name, "h2:mem:warmup-" + name + "-" + UUID.randomUUID());
    }
    memory.atomicRequests(orm.atomicRequests());
    settings.set(OrmSettings.KEY, memory);
    CacheSettings caches =
        settings.get(CacheSettings.KEY).orElseGet(() -> CacheSettings.of("locmem://"));
    CacheSettings local = CacheSettings.of("locmem://");
    for (String name : caches.urls().keySet()) {
      local.cache(name, "locmem://");
    }
    settings.set(CacheSettings.KEY, local);
    List<String> hosts = new ArrayList<>(settings.allowedHosts());
    hosts.add("127.0.0.1");
    settings.allowedHosts(hosts).sslRedirect(false).host("127.0.0.1").port(0);
  }

  @Override
  public int run(CommandContext context) throws Exception {
    Galvani galvani = context.galvani();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Migrator.of(galvani, quiet).migrate();
    PostMigrate.runAll(galvani, quiet);
    GalvaniServer server = new GalvaniServer(galvani);
    boolean failed = false;
    try {
      server.start();
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
