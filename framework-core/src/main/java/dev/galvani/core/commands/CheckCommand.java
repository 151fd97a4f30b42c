package dev.galvani.core.commands;

import dev.galvani.core.checks.CheckMessage;
import java.util.List;

/** {@code check [--deploy]}: prints every finding; exits 1 when any is an error. */
final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String help() {
    return "run the system checks; --deploy adds production checks";
  }

  @Override
  public int run(CommandContext context) {
    for (String arg : context.args()) {
      if (!arg.equals("--deploy")) {
        throw new IllegalArgumentException("unknown option '" + arg + "'; use --deploy or nothing");
      }
    }
    List<CheckMessage> messages = context.galvani().check(context.args().contains("--deploy"));
    for (CheckMessage message : messages) {
      context.out().println(message.format());
    }
    context
        .out()
        .println(
            messages.isEmpty()
                ? "System check identified no issues."
                : "System check identified " + messages.size() + " issue(s).");
    return messages.stream().anyMatch(CheckMessage::isError) ? 1 : 0;
  }
}
