package dev.galvani.examples.benchmark;

import dev.galvani.core.Galvani;
import dev.galvani.core.server.GalvaniServer;

/**
 * Starts one benchmark target on 127.0.0.1.
 *
 * <pre>
 * java -jar examples/benchmark/target/benchmark.jar galvani|baseline PORT
 * </pre>
 */
public final class Main {
  static final String HOST = "127.0.0.1";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("galvani") || args[0].equals("baseline"))) {
      System.err.println("usage: java -jar benchmark.jar galvani|baseline PORT");
      System.exit(2);
    }
    int port;
    try {
      port = Integer.parseInt(args[1]);
    } catch (NumberFormatException e) {
      System.err.println("PORT must be a number, not '" + args[1] + "'");
      System.exit(2);
      return;
    }
    if (args[0].equals("galvani")) {
      GalvaniServer server = galvaniServer(HOST, port);
      server.stopOnShutdown();
      server.start();
      System.out.println("galvani listening on " + server.url("/"));
      server.join();
    } else {
      BaselineServer server = new BaselineServer(HOST, port);
      server.stopOnShutdown();
      server.start();
      System.out.println("baseline listening on http://" + HOST + ":" + server.port() + "/");
      server.join();
    }
  }

  /** The Galvani site on host:port (port 0 picks a free one). */
  static GalvaniServer galvaniServer(String host, int port) {
    BenchmarkSettings settings = new BenchmarkSettings();
    settings.host(host).port(port);
    return new GalvaniServer(new Galvani(settings));
  }
}
