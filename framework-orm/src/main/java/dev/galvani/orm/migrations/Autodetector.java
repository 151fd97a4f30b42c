package dev.galvani.orm.migrations;

import dev.galvani.orm.migrations.FieldOperations.AddField;
import dev.galvani.orm.migrations.FieldOperations.AlterField;
import dev.galvani.orm.migrations.FieldOperations.RemoveField;
import dev.galvani.orm.migrations.FieldOperations.RenameField;
import dev.galvani.orm.migrations.KeyOperations.AddConstraint;
import dev.galvani.orm.migrations.KeyOperations.AddIndex;
import dev.galvani.orm.migrations.KeyOperations.RemoveConstraint;
import dev.galvani.orm.migrations.KeyOperations.RemoveIndex;
import dev.galvani.orm.migrations.TableOperations.CreateModel;
import dev.galvani.orm.migrations.TableOperations.DeleteModel;
import dev.galvani.orm.migrations.TableOperations.RenameModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compares the schema the migrations build with the schema the models want and lists the operations
 * that turn one into the other, as Django's autodetector does. Removals come first (foreign keys
 * before the columns and tables they use), then additions (foreign keys last, once every table they
 * reference exists). Renames are never guessed: a removed and an added column (or table) of the
 * same definition are a rename only when a hint or the person at the terminal says so.
 */
final class Autodetector {
  /** Answers yes/no questions; the terminal when there is one, else always no. */
  @FunctionalInterface
  interface Questioner {
    boolean confirm(String question);

    Questioner NEVER = question -> false;
  }

  /**
   * What the person said on the command line.
   *
   * @param fieldRenames {@code "table.old"} to {@code "new"}
   * @param modelRenames old table to new table
   * @param defaults {@code "table.column"} to the one-off value for existing rows
   */
  record Hints(
      Map<String, String> fieldRenames,
      Map<String, String> modelRenames,
      Map<String, String> defaults) {
    static final Hints NONE = new Hints(Map.of(), Map.of(), Map.of());
  }

  /** The operations, and lines to print (rename candidates that were not taken). */
  record Changes(List<Operation> operations, List<String> notes) {}

  private final SchemaState current;
  private final SchemaState wanted;
  private final Hints hints;
  private final Questioner questioner;
  private final List<Operation> operations = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Autodetector(SchemaState from, SchemaState to, Hints hints, Questioner questioner) {
    this.current = from.copy();
    this.wanted = to;
    this.hints = hints;
    this.questioner = questioner;
  }

  static Changes changes(SchemaState from, SchemaState to, Hints hints, Questioner questioner) {
    Autodetector detector = new Autodetector(from, to, hints, questioner);
    detector.detect();
    return new Changes(List.copyOf(detector.operations), List.copyOf(detector.notes));
  }

  private void emit(Operation operation) {
    operation.applyTo(current);
    operations.add(operation);
  }

  private void detect() {
    renamedModels();
    renamedFields();
    // removals: foreign keys first, then indexes, other constraints, columns, tables
    for (Table table : current.tables()) {
      Optional<Table> target = wanted.table(table.name());
      for (Constraint constraint : table.constraints()) {
        if (constraint instanceof Constraint.ForeignKey && !has(target, constraint)) {
          emit(new RemoveConstraint(table.name(), constraint.name()));
        }
      }
    }
    for (Table table : current.tables()) {
      Optional<Table> target = wanted.table(table.name());
      if (target.isEmpty()) {
        continue;
      }
      for (Index index : table.indexes()) {
        if (target.get().indexes().stream().noneMatch(index::sameDefinition)) {
          emit(new RemoveIndex(table.name(), index.name()));
        }
      }
      for (Constraint constraint : table.constraints()) {
        if (!(constraint instanceof Constraint.ForeignKey) && !has(target, constraint)) {
          emit(new RemoveConstraint(table.name(), constraint.name()));
        }
      }
      for (Column column : table.columns()) {
        if (target.get().column(column.name()).isEmpty()) {
          emit(new RemoveField(table.name(), column.name()));
        }
      }
    }
    for (Table table : current.tables()) {
      if (wanted.table(table.name()).isEmpty()) {
        emit(new DeleteModel(table.name()));
      }
    }
    additions();
  }

  private void additions() {
    for (Table table : wanted.tables()) {
      if (current.table(table.name()).isEmpty()) {
        List<Constraint> inline =
            table.constraints().stream()
                .filter(constraint -> !(constraint instanceof Constraint.ForeignKey))
                .toList();
        emit(new CreateModel(new Table(table.name(), table.columns(), inline, List.of())));
      }
    }
    List<String> missingDefaults = new ArrayList<>();
    for (Table table : wanted.tables()) {
      Table existing = current.require(table.name());
      for (Column column : table.columns()) {
        Optional<Column> old = existing.column(column.name());
        if (old.isEmpty()) {
          addField(table.name(), column, missingDefaults);
        } else if (!old.get().equals(column)) {
          emit(new AlterField(table.name(), column));
        }
      }
    }
    if (!missingDefaults.isEmpty()) {
      // a rename taken for remove + add is the usual cause: the notes say how to hint it
      List<String> lines = new ArrayList<>(missingDefaults);
      notes.forEach(note -> lines.add("Note: " + note));
      throw new MigrationError(String.join("\n", lines));
    }
    for (Table table : wanted.tables()) {
      Optional<Table> existing = current.table(table.name());
      for (Constraint constraint : table.constraints()) {
        if (!(constraint instanceof Constraint.ForeignKey) && !has(existing, constraint)) {
          emit(new AddConstraint(table.name(), constraint));
        }
      }
      for (Index index : table.indexes()) {
        if (existing.get().indexes().stream().noneMatch(index::sameDefinition)) {
          emit(new AddIndex(table.name(), index));
        }
      }
    }
    for (Table table : wanted.tables()) {
      Optional<Table> existing = current.table(table.name());
      for (Constraint constraint : table.constraints()) {
        if (constraint instanceof Constraint.ForeignKey && !has(existing, constraint)) {
          emit(new AddConstraint(table.name(), constraint));
        }
      }
    }
  }

  private void addField(String table, Column column, List<String> missingDefaults) {
    if (column.isNullable() || column.defaultValue().isPresent() || column.isIdentity()) {
      emit(new AddField(table, column, Optional.empty()));
      return;
    }
    String value = hints.defaults().get(key(table + "." + column.name()));
    if (value == null) {
      missingDefaults.add(
          "cannot add "
              + table
              + "."
              + column.name()
              + ": it is NOT NULL without a default, and any rows already in "
              + table
              + " would need a value. Give the field a default with @ColumnDefault(\"...\"),"
              + " make it nullable, or run makemigrations again with --default "
              + table
              + "."
              + column.name()
              + "=VALUE (a one-off value for the existing rows)");
      return;
    }
    emit(new AddField(table, column, Optional.of(literal(column, value))));
  }

  /** A value typed on the command line as SQL: strings are quoted unless they are already. */
  private static String literal(Column column, String value) {
    if (column.type().quoted() && !value.startsWith("'")) {
      return "'" + value.replace("'", "''") + "'";
    }
    return value;
  }

  private static boolean has(Optional<Table> table, Constraint constraint) {
    return table.isPresent()
        && table.get().constraints().stream().anyMatch(constraint::sameDefinition);
  }

  // ---- renames

  private void renamedModels() {
    for (Map.Entry<String, String> hint : hints.modelRenames().entrySet()) {
      if (current.table(hint.getKey()).isEmpty() || wanted.table(hint.getValue()).isEmpty()) {
        throw new MigrationError(
            "--rename-model "
                + hint.getKey()
                + "="
                + hint.getValue()
                + " does not match: "
                + hint.getKey()
                + " must be a table of the migrations and "
                + hint.getValue()
                + " a table of the models");
      }
      emit(new RenameModel(hint.getKey(), hint.getValue()));
    }
    for (Table removed : current.tables()) {
      if (wanted.table(removed.name()).isPresent()) {
        continue;
      }
      for (Table added : wanted.tables()) {
        if (current.table(added.name()).isEmpty() && sameColumns(removed, added)) {
          String question =
              "Was the table " + removed.name() + " renamed to " + added.name() + "? [y/N] ";
          if (questioner.confirm(question)) {
            emit(new RenameModel(removed.name(), added.name()));
            break;
          }
          notes.add(
              "the table "
                  + removed.name()
                  + " is removed and "
                  + added.name()
                  + " added with the same columns; if it was renamed, run makemigrations again"
                  + " with --rename-model "
                  + removed.name()
                  + "="
                  + added.name());
        }
      }
    }
  }

  private static boolean sameColumns(Table one, Table other) {
    return one.columns().size() == other.columns().size()
        && one.columns().stream()
            .allMatch(
                column -> other.column(column.name()).filter(column::sameDefinition).isPresent());
  }

  private void renamedFields() {
    for (Map.Entry<String, String> hint : hints.fieldRenames().entrySet()) {
      int dot = hint.getKey().lastIndexOf('.');
      String table = hint.getKey().substring(0, dot);
      String from = hint.getKey().substring(dot + 1);
      Predicate<Table> hasOld = each -> each.column(from).isPresent();
      Predicate<Table> hasNew = each -> each.column(hint.getValue()).isPresent();
      if (!current.table(table).filter(hasOld).isPresent()
          || !wanted.table(table).filter(hasNew).isPresent()) {
        throw new MigrationError(
            "--rename "
                + hint.getKey()
                + "="
                + hint.getValue()
                + " does not match: "
                + table
                + "."
                + from
                + " must be a column of the migrations and "
                + table
                + "."
                + hint.getValue()
                + " a column of the models");
      }
      emit(new RenameField(table, from, hint.getValue()));
    }
    for (Table table : current.tables()) {
      Optional<Table> target = wanted.table(table.name());
      if (target.isEmpty()) {
        continue;
      }
      for (Column removed : table.columns()) {
        if (target.get().column(removed.name()).isPresent()) {
          continue;
        }
        for (Column added : target.get().columns()) {
          if (current.require(table.name()).column(added.name()).isEmpty()
              && current.require(table.name()).column(removed.name()).isPresent()
              && removed.sameDefinition(added)) {
            String question =
                "Was "
                    + table.name()
                    + "."
                    + removed.name()
                    + " renamed to "
                    + added.name()
                    + " ("
                    + added.type()
                    + ")? [y/N] ";
            if (questioner.confirm(question)) {
              emit(new RenameField(table.name(), removed.name(), added.name()));
              break;
            }
            notes.add(
                table.name()
                    + "."
                    + removed.name()
                    + " is removed and "
                    + table.name()
                    + "."
                    + added.name()
                    + " added with the same definition; if it was renamed, run makemigrations"
                    + " again with --rename "
                    + table.name()
                    + "."
                    + removed.name()
                    + "="
                    + added.name());
          }
        }
      }
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
