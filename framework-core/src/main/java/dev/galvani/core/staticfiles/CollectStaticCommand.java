package dev.galvani.core.staticfiles;

import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import java.nio.file.Path;

/** {@code collectstatic}: copies static files to STATIC_ROOT with hashed names. */
public final class CollectStaticCommand implements Command {
  @Override
  public String name() {
    return "collectstatic";
  }

  @Override
  public String help() {
    return "copy static files to STATIC_ROOT with content-hashed names and a manifest";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    if (!context.args().isEmpty()) {
      throw new IllegalArgumentException("takes no arguments; set STATIC_ROOT in settings");
    }
    Path target = context.galvani().settings().staticRoot().toAbsolutePath();
    int count = context.galvani().staticFiles().collect(target);
    context.out().println(count + " static file(s) collected into " + target);
    return 0;
  }
}
