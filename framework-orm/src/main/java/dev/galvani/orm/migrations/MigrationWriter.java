package dev.galvani.orm.migrations;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a migration as Java source in the house format (google-java-format's layout): one
 * operation per line of {@code operations()}, factories imported statically from {@link
 * Operations}.
 */
final class MigrationWriter {
  private static final String INDENT = "        ";

  private MigrationWriter() {}

  static String source(
      String packageName, String className, List<String> dependencies, List<Operation> operations) {
    String body =
        operations.stream()
            .map(operation -> INDENT + operation.toSource().replace("\n", "\n" + INDENT))
            .collect(Collectors.joining(",\n"));
    StringBuilder out = new StringBuilder();
    out.append("package ").append(packageName).append(";\n\n");
    for (String factory : factoriesUsed(body)) {
      out.append("import static dev.galvani.orm.migrations.Operations.")
          .append(factory)
          .append(";\n");
    }
    out.append("\nimport dev.galvani.orm.migrations.Migration;\n");
    if (body.contains("OnDelete.")) {
      out.append("import dev.galvani.orm.migrations.OnDelete;\n");
    }
    out.append("import dev.galvani.orm.migrations.Operation;\n");
    out.append("import java.util.List;\n\n");
    out.append("/**\n * Written by makemigrations.\n *\n * <ul>\n");
    for (Operation operation : operations) {
      out.append(" *   <li>").append(operation.describe()).append('\n');
    }
    out.append(" * </ul>\n */\n");
    out.append("public final class ").append(className).append(" extends Migration {\n");
    if (!dependencies.isEmpty()) {
      out.append("  @Override\n  public List<String> dependencies() {\n    return List.of(")
          .append(Sources.literals(dependencies))
          .append(");\n  }\n\n");
    }
    out.append("  @Override\n  public List<Operation> operations() {\n    return List.of(\n")
        .append(body)
        .append(");\n  }\n}\n");
    return out.toString();
  }

  /** The factories of {@link Operations} the body calls, sorted as imports are. */
  private static Set<String> factoriesUsed(String body) {
    Set<String> used = new TreeSet<>();
    for (String factory : factories()) {
      if (Pattern.compile("(?<![\\w.])" + factory + "\\(").matcher(body).find()) {
        used.add(factory);
      }
    }
    return used;
  }

  private static Set<String> factories() {
    return Arrays.stream(Operations.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .filter(method -> Modifier.isStatic(method.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toSet());
  }

  /** {@code V0002_AddBookPrice}: the number and a name made of the operations (or given). */
  static String className(int number, String name) {
    return String.format(Locale.ROOT, "V%04d_%s", number, name);
  }

  /** A name from the operations, as Django's {@code 0002_book_price}; "Auto" when they are many. */
  static String autoName(String app, List<Operation> operations, boolean initial) {
    if (initial) {
      return "Initial";
    }
    List<String> fragments =
        operations.stream()
            .map(operation -> fragment(app, operation))
            .filter(fragment -> !fragment.isEmpty())
            .distinct()
            .toList();
    if (fragments.isEmpty() || fragments.size() > 2) {
      return "Auto";
    }
    String name = String.join("And", fragments);
    return name.length() > 60 ? "Auto" : name;
  }

  private static String fragment(String app, Operation operation) {
    if (operation instanceof TableOperations.CreateModel create) {
      return "Create" + camel(app, create.table().name());
    } else if (operation instanceof TableOperations.DeleteModel delete) {
      return "Delete" + camel(app, delete.table());
    } else if (operation instanceof TableOperations.RenameModel rename) {
      return "Rename" + camel(app, rename.from());
    } else if (operation instanceof FieldOperations.AddField add) {
      return "Add" + camel(app, add.table()) + camel("", add.column().name());
    } else if (operation instanceof FieldOperations.RemoveField remove) {
      return "Remove" + camel(app, remove.table()) + camel("", remove.column());
    } else if (operation instanceof FieldOperations.AlterField alter) {
      return "Alter" + camel(app, alter.table()) + camel("", alter.column().name());
    } else if (operation instanceof FieldOperations.RenameField rename) {
      return "Rename" + camel(app, rename.table()) + camel("", rename.from());
    } else if (operation instanceof KeyOperations.AddConstraint add
        && add.constraint() instanceof Constraint.Unique) {
      return "Add" + camel(app, add.table()) + "Unique";
    }
    return "";
  }

  /** {@code polls_choice} of app {@code polls} becomes {@code Choice}. */
  private static String camel(String app, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String prefix = app.toLowerCase(Locale.ROOT) + "_";
    if (!app.isEmpty() && lower.startsWith(prefix) && lower.length() > prefix.length()) {
      lower = lower.substring(prefix.length());
    }
    StringBuilder out = new StringBuilder();
    for (String part : lower.split("[^a-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
