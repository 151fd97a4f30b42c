package dev.galvani.core.commands;

import dev.galvani.core.Galvani;
import java.io.PrintStream;
import java.util.List;

/** What a command runs with: the runtime, its arguments and where to print. */
public record CommandContext(
    Galvani galvani, List<String> args, List<Command> commands, PrintStream out, PrintStream err) {}
