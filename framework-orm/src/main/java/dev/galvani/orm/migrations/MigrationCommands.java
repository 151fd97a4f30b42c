package dev.galvani.orm.migrations;

import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import java.util.List;

/**
 * The migration commands the ORM adds to the site's JAR: {@code makemigrations}, {@code migrate},
 * {@code showmigrations} and {@code sqlmigrate}. See {@code docs/topics/migrations.md}.
 */
public final class MigrationCommands {
  private MigrationCommands() {}

  /** The four commands, for {@code OrmApp.commands()}. */
  public static List<Command> all() {
    return List.of(
        new MakeMigrationsCommand(),
        new MigrateCommand(),
        new ShowMigrationsCommand(),
        new SqlMigrateCommand());
  }

  /** {@code migrate [app] [target]}. */
  static final class MigrateCommand implements Command {
    @Override
    public String name() {
      return "migrate";
    }

    @Override
    public String help() {
      return "apply migrations: [app] [target | zero] (a target before the applied ones rolls back)";
    }

    @Override
    public int run(CommandContext context) {
      List<String> args = context.args();
      args.stream()
          .filter(arg -> arg.startsWith("-"))
          .findFirst()
          .ifPresent(
              option -> {
                throw new IllegalArgumentException(
                    "unknown option " + option + "; usage: migrate [app] [target | zero]");
              });
      if (args.size() > 2) {
        throw new IllegalArgumentException(
            "too many arguments " + args + "; usage: migrate [app] [target | zero]");
      }
      Migrator migrator = Migrator.of(context.galvani(), context.out());
      try {
        switch (args.size()) {
          case 0 -> migrator.migrate();
          case 1 -> migrator.migrate(args.get(0));
          default -> migrator.migrate(args.get(0), args.get(1));
        }
        PostMigrate.runAll(context.galvani(), context.out());
        return 0;
      } catch (MigrationError e) {
        context.err().println("migrate: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code showmigrations [app...]}. */
  static final class ShowMigrationsCommand implements Command {
    @Override
    public String name() {
      return "showmigrations";
    }

    @Override
    public String help() {
      return "list each app's migrations, [X] when applied";
    }

    @Override
    public int run(CommandContext context) {
      Migrator migrator = Migrator.of(context.galvani(), context.out());
      List<String> names =
          context.args().isEmpty()
              ? migrator.apps().stream().map(app -> app.name()).toList()
              : context.args();
      names.forEach(migrator::app); // unknown names fail before anything is printed
      try {
        for (String name : names) {
          context.out().println(name);
          List<MigrationStatus> statuses = migrator.status(name);
          if (statuses.isEmpty()) {
            context.out().println(" (no migrations)");
          }
          for (MigrationStatus status : statuses) {
            context
                .out()
                .println(" [" + (status.applied() ? "X" : " ") + "] " + status.migration());
          }
        }
        return 0;
      } catch (MigrationError e) {
        context.err().println("showmigrations: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code sqlmigrate app migration [--backwards]}. */
  static final class SqlMigrateCommand implements Command {
    @Override
    public String name() {
      return "sqlmigrate";
    }

    @Override
    public String help() {
      return "print a migration's SQL for the configured database: app migration [--backwards]";
    }

    @Override
    public int run(CommandContext context) {
      List<String> args = context.args();
      boolean backwards = args.contains("--backwards");
      List<String> positional = args.stream().filter(arg -> !arg.equals("--backwards")).toList();
      if (positional.size() != 2 || positional.stream().anyMatch(arg -> arg.startsWith("-"))) {
        throw new IllegalArgumentException(
            "usage: sqlmigrate app migration [--backwards], e.g. sqlmigrate polls V0002_AddVotes");
      }
      Migrator migrator = Migrator.of(context.galvani(), context.out());
      try {
        migrator
            .sql(positional.get(0), positional.get(1), backwards)
            .forEach(context.out()::println);
        return 0;
      } catch (MigrationError e) {
        context.err().println("sqlmigrate: " + e.getMessage());
        return 1;
      }
    }
  }
}
