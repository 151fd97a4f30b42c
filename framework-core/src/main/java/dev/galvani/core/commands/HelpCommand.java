package dev.galvani.core.commands;

final class HelpCommand implements Command {
  @Override
  public String name() {
    return "help";
  }

  @Override
  public String help() {
    return "list the commands";
  }

  @Override
  public int run(CommandContext context) {
    context.out().println("Usage: java -jar site.jar COMMAND [ARGS]");
    Commands.printList(context.commands(), context.out());
    return 0;
  }
}
