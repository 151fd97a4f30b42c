package dev.galvani.core.commands;

import dev.galvani.core.Settings;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.server.GalvaniServer;
import java.util.List;

/**
 * {@code runserver [addr:port]} for development (DEBUG on, templates and static files read from
 * src/main/resources on every request) and {@code serve [addr:port]} for production (settings as
 * configured, graceful shutdown on SIGTERM).
 */
final class ServerCommand implements Command {
  private final boolean development;

  ServerCommand(boolean development) {
    this.development = development;
  }

  @Override
  public String name() {
    return development ? "runserver" : "serve";
  }

  @Override
  public String help() {
    return development
        ? "start the development server (DEBUG on) [addr:port], default 127.0.0.1:8000"
        : "start the production server [addr:port], default 0.0.0.0:PORT";
  }

  @Override
  public void prepare(Settings settings, List<String> args) {
    if (args.size() > 1) {
      throw new IllegalArgumentException("expected at most one argument, addr:port or port");
    }
    String host = development ? settings.host() : "0.0.0.0";
    int port = settings.port();
    if (!args.isEmpty()) {
      String address = args.get(0);
      int colon = address.lastIndexOf(':');
      if (colon >= 0) {
        host = address.substring(0, colon);
        address = address.substring(colon + 1);
      }
      try {
        port = Integer.parseInt(address);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + args.get(0) + "' is not addr:port or a port");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0-65535");
      }
    }
    settings.host(host).port(port);
    if (development) {
      settings.debug(true);
    }
  }

  @Override
  public int run(CommandContext context) throws Exception {
    for (CheckMessage warning : context.galvani().check(false)) {
      context.err().println(warning.format());
    }
    GalvaniServer server = new GalvaniServer(context.galvani());
    server.stopOnShutdown();
    server.start();
    context
        .out()
        .printf(
            "Galvani %s server at %s (DEBUG %s). Stop with Ctrl-C.%n",
            development ? "development" : "production",
            server.url(""),
            context.galvani().settings().debug() ? "on" : "off");
    server.join();
    return 0;
  }
}
