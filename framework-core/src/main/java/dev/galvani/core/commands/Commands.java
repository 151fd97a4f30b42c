package dev.galvani.core.commands;

import dev.galvani.core.App;
import dev.galvani.core.Settings;
import dev.galvani.core.staticfiles.CollectStaticCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The built-in commands plus those of the configured apps. */
public final class Commands {
  private Commands() {}

  public static List<Command> available(Settings settings) {
    List<Command> commands = new ArrayList<>();
    commands.add(new HelpCommand());
    commands.add(new CheckCommand());
    commands.add(new UrlsCommand());
    commands.add(new ServerCommand(true));
    commands.add(new ServerCommand(false));
    commands.add(new CollectStaticCommand());
    for (App app : settings.apps()) {
      commands.addAll(app.commands());
    }
    return commands;
  }

  public static void printList(List<Command> commands, PrintStream out) {
    out.println("Available commands:");
    for (Command command : commands) {
      out.printf("  %-16s %s%n", command.name(), command.help());
    }
  }
}
