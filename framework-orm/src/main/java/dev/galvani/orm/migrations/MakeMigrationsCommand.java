package dev.galvani.orm.migrations;

import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.Orm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code makemigrations [app...] [--name N] [--check] [--dry-run] [--rename table.old=new]
 * [--rename-model old=new] [--default table.column=value] [--source-root DIR] [--no-input]}:
 * compares each app's entities with the state its migrations build and writes the difference as the
 * next migration. Needs no database connection.
 */
final class MakeMigrationsCommand implements Command {
  private static final String USAGE =
      "usage: makemigrations [app...] [--name N] [--check] [--dry-run] [--rename table.old=new]"
          + " [--rename-model old=new] [--default table.column=value] [--source-root DIR]"
          + " [--no-input]";

  @Override
  public String name() {
    return "makemigrations";
  }

  @Override
  public String help() {
    return "write new migrations for model changes (--check: exit 1 if any are missing)";
  }

  /** The parsed command line. */
  private record Options(
      List<String> apps,
      Optional<String> name,
      boolean check,
      boolean dryRun,
      boolean noInput,
      Path sourceRoot,
      Autodetector.Hints hints) {}

  /** One app's new migration, before it is written. */
  private record Planned(
      ModelApp app, int number, String className, List<Operation> operations, Path file) {}

  @Override
  public int run(CommandContext context) {
    Options options = parse(context.args());
    Migrator migrator = Migrator.of(context.galvani(), context.out());
    Orm orm = Orm.of(context.galvani());
    List<ModelApp> apps =
        options.apps().isEmpty()
            ? migrator.apps()
            : options.apps().stream().map(migrator::app).toList();
    PrintStream out = context.out();
    Autodetector.Questioner questioner =
        options.noInput() || System.console() == null ? Autodetector.Questioner.NEVER : ask(out);
    try {
      Map<String, SchemaState> wanted = new LinkedHashMap<>();
      for (ModelApp app : migrator.apps()) {
        ModelSchema.Result result =
            ModelSchema.read(orm.database(app.database()).hibernateMetadata(), app);
        wanted.put(app.name(), result.state());
        if (apps.contains(app)) {
          result
              .warnings()
              .forEach(warning -> out.println("Warning (" + app.name() + "): " + warning));
        }
      }
      List<Planned> planned = new ArrayList<>();
      for (ModelApp app : apps) {
        List<Migration> existing = migrator.migrations(app);
        Autodetector.Changes changes =
            Autodetector.changes(
                SchemaState.replay(existing), wanted.get(app.name()), options.hints(), questioner);
        changes.notes().forEach(note -> out.println("Note (" + app.name() + "): " + note));
        if (changes.operations().isEmpty()) {
          continue;
        }
        int number = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).number() + 1;
        String label =
            options
                .name()
                .orElseGet(
                    () ->
                        MigrationWriter.autoName(
                            app.name(), changes.operations(), existing.isEmpty()));
        String className = MigrationWriter.className(number, label);
        Path file =
            options
                .sourceRoot()
                .resolve(app.migrationsPackage().replace('.', '/'))
                .resolve(className + ".java");
        planned.add(new Planned(app, number, className, changes.operations(), file));
      }
      if (planned.isEmpty()) {
        out.println(
            "No changes detected"
                + (options.apps().isEmpty() ? "" : " in " + String.join(", ", options.apps())));
        return 0;
      }
      for (Planned each : planned) {
        String source =
            MigrationWriter.source(
                each.app().migrationsPackage(),
                each.className(),
                dependencies(each, planned, migrator, wanted),
                each.operations());
        out.println("Migrations for '" + each.app().name() + "':");
        out.println("  " + each.file());
        each.operations().forEach(operation -> out.println("    - " + operation.describe()));
        if (options.dryRun()) {
          out.println();
          out.print(source);
        } else if (!options.check()) {
          write(each.file(), source);
        }
      }
      if (options.check()) {
        out.println("The models have changes that no migration covers; run makemigrations.");
        return 1;
      }
      return 0;
    } catch (MigrationError e) {
      context.err().println("makemigrations: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The latest migration of every other app whose tables the new foreign keys reference, so migrate
   * creates those tables first.
   */
  private static List<String> dependencies(
      Planned each, List<Planned> planned, Migrator migrator, Map<String, SchemaState> wanted) {
    List<String> dependencies = new ArrayList<>();
    for (Operation operation : each.operations()) {
      if (operation instanceof KeyOperations.AddConstraint add
          && add.constraint() instanceof Constraint.ForeignKey key
          && wanted.get(each.app().name()).table(key.referencedTable()).isEmpty()) {
        for (ModelApp other : migrator.apps()) {
          if (other != each.app()
              && wanted.get(other.name()).table(key.referencedTable()).isPresent()) {
            latest(other, planned, migrator)
                .map(name -> other.name() + "." + name)
                .filter(name -> !dependencies.contains(name))
                .ifPresent(dependencies::add);
          }
        }
      }
    }
    return dependencies;
  }

  private static Optional<String> latest(ModelApp app, List<Planned> planned, Migrator migrator) {
    for (Planned each : planned) {
      if (each.app() == app) {
        return Optional.of(each.className());
      }
    }
    List<Migration> existing = migrator.migrations(app);
    return existing.isEmpty()
        ? Optional.empty()
        : Optional.of(existing.get(existing.size() - 1).name());
  }

  private static void write(Path file, String source) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        throw new MigrationError(
            file + " exists already; compile the project so the migration is loaded, or delete it");
      }
      Files.writeString(file, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Autodetector.Questioner ask(PrintStream out) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return question -> {
      out.print(question);
      out.flush();
      try {
        String answer = in.readLine();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
      } catch (IOException e) {
        return false;
      }
    };
  }

  private static Options parse(List<String> args) {
    List<String> apps = new ArrayList<>();
    Optional<String> name = Optional.empty();
    boolean check = false;
    boolean dryRun = false;
    boolean noInput = false;
    Path sourceRoot = Path.of("src", "main", "java");
    Map<String, String> fieldRenames = new LinkedHashMap<>();
    Map<String, String> modelRenames = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (int index = 0; index < args.size(); index++) {
      String arg = args.get(index);
      switch (arg) {
        case "--check" -> check = true;
        case "--dry-run" -> dryRun = true;
        case "--no-input" -> noInput = true;
        case "--name" -> {
          String value = value(args, ++index, arg);
          if (!value.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                "--name " + value + " is not a Java name; use letters and digits, e.g. AddVotes");
          }
          name = Optional.of(value);
        }
        case "--source-root" -> sourceRoot = Path.of(value(args, ++index, arg));
        case "--rename" -> pair(value(args, ++index, arg), arg, "table.old=new", fieldRenames);
        case "--rename-model" -> pair(value(args, ++index, arg), arg, "old=new", modelRenames);
        case "--default" -> pair(value(args, ++index, arg), arg, "table.column=value", defaults);
        default -> {
          if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
          }
          apps.add(arg);
        }
      }
    }
    for (String key : fieldRenames.keySet()) {
      if (key.lastIndexOf('.') <= 0) {
        throw new IllegalArgumentException("--rename " + key + " needs table.old=new");
      }
    }
    Map<String, String> lowerDefaults = new LinkedHashMap<>();
    defaults.forEach((key, value) -> lowerDefaults.put(key.toLowerCase(Locale.ROOT), value));
    return new Options(
        apps,
        name,
        check,
        dryRun,
        noInput,
        sourceRoot,
        new Autodetector.Hints(fieldRenames, modelRenames, lowerDefaults));
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value; " + USAGE);
    }
    return args.get(index);
  }

  private static void pair(String value, String option, String form, Map<String, String> into) {
    int equals = value.indexOf('=');
    if (equals <= 0 || equals == value.length() - 1) {
      throw new IllegalArgumentException(option + " " + value + " must look like " + form);
    }
    into.put(value.substring(0, equals), value.substring(equals + 1));
  }
}
