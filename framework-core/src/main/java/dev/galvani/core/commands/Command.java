package dev.galvani.core.commands;

import dev.galvani.core.Settings;
import java.util.List;

/**
 * A management command of the fat JAR: {@code java -jar site.jar NAME args...}. Apps contribute
 * their own through {@code App.commands()}.
 */
public interface Command {
  /** The name typed on the command line. */
  String name();

  /** One line shown by {@code help}. */
  String help();

  /** Adjusts settings before the runtime is built (runserver turns DEBUG on). */
  default void prepare(Settings settings, List<String> args) {}

  /** Runs the command; returns the exit status (0 ok, 1 failed, 2 usage error). */
  int run(CommandContext context) throws Exception;
}
