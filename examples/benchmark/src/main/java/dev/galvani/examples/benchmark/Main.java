package dev.galvani.examples.benchmark;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.server.GalvaniServer;
import dev.galvani.orm.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Starts one benchmark target on 127.0.0.1, or fills the pagination table.
 *
 * <pre>
 * java -jar examples/benchmark/target/benchmark.jar galvani|baseline PORT
 * java -jar examples/benchmark/target/benchmark.jar page-items COUNT
 * </pre>
 *
 * Both read {@code DATABASE_URL} and {@code DATABASE_POOL_SIZE}, see {@link BenchmarkDatabase}.
 */
public final class Main {
  static final String HOST = "127.0.0.1";
  private static final String USAGE =
      "usage: java -jar benchmark.jar galvani|baseline PORT\n"
          + "       java -jar benchmark.jar page-items COUNT";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2
        || !(args[0].equals("galvani")
            || args[0].equals("baseline")
            || args[0].equals("page-items"))) {
      System.err.println(USAGE);
      System.exit(2);
    }
    int number;
    try {
      number = Integer.parseInt(args[1]);
    } catch (NumberFormatException e) {
      System.err.println(args[1] + " is not a number\n" + USAGE);
      System.exit(2);
      return;
    }
    switch (args[0]) {
      case "galvani" -> {
        GalvaniServer server = galvaniServer(HOST, number);
        server.stopOnShutdown();
        server.start();
        System.out.println("galvani listening on " + server.url("/"));
        server.join();
      }
      case "baseline" -> {
        BaselineServer server = new BaselineServer(HOST, number);
        server.stopOnShutdown();
        server.start();
        System.out.println("baseline listening on http://" + HOST + ":" + server.port() + "/");
        server.join();
      }
      default -> fillPageItems(BenchmarkDatabase.fromEnv(Env.system()).url(), number);
    }
  }

  /** The Galvani site on host:port (port 0 picks a free one). */
  static GalvaniServer galvaniServer(String host, int port) {
    BenchmarkSettings settings = new BenchmarkSettings();
    settings.host(host).port(port);
    return new GalvaniServer(new Galvani(settings));
  }

  private static void fillPageItems(DatabaseUrl url, int count) throws Exception {
    try (Connection connection =
        url.user().isEmpty()
            ? DriverManager.getConnection(url.jdbcUrl())
            : DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      BenchmarkData.fillPageItems(connection, count);
    }
    System.out.println("page_item holds " + count + " rows (" + url + ")");
  }
}
