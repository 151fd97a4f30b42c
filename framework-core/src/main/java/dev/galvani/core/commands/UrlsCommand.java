package dev.galvani.core.commands;

import dev.galvani.core.urls.UrlResolver.RouteInfo;

/** {@code urls}: lists every route with its name and methods. */
final class UrlsCommand implements Command {
  @Override
  public String name() {
    return "urls";
  }

  @Override
  public String help() {
    return "list every URL pattern with its name and methods";
  }

  @Override
  public int run(CommandContext context) {
    for (RouteInfo route : context.galvani().urls().routes()) {
      context
          .out()
          .printf(
              "/%-40s %-28s %s%n",
              route.pattern(),
              route.name().orElse("-"),
              route.methods().isEmpty() ? "any method" : String.join(",", route.methods()));
    }
    return 0;
  }
}
