package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operations on whole tables: create, delete, rename. */
final class TableOperations {
  private TableOperations() {}

  /** Creates a table with its columns, constraints and indexes. */
  record CreateModel(Table table) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.add(table);
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return new Ddl(vendor).createTable(table);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new DeleteModel(table.name()));
    }

    @Override
    public String describe() {
      return "Create table " + table.name();
    }

    @Override
    public String toSource() {
      String columns =
          table.columns().stream()
              .map(Column::toSource)
              .collect(Collectors.joining(",\n        ", "\n        ", ""));
      String constraints =
          table.constraints().stream()
              .map(constraint -> constraint.toSource(table.name()))
              .collect(Collectors.joining(",\n        "));
      String indexes =
          table.indexes().stream()
              .map(index -> index.toSource(table.name()))
              .collect(Collectors.joining(",\n        "));
      return "createModel(\n    "
          + Sources.literal(table.name())
          + ",\n    List.of("
          + columns
          + "),\n    List.of("
          + (constraints.isEmpty() ? "" : "\n        " + constraints)
          + ")"
          + (indexes.isEmpty() ? "" : ",\n    List.of(\n        " + indexes + ")")
          + ")";
    }
  }

  /** Drops a table; its reverse recreates it as the earlier migrations defined it. */
  record DeleteModel(String table) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.require(table);
      for (Table other : state.tables()) {
        for (Constraint constraint : other.constraints()) {
          if (!other.name().equalsIgnoreCase(table)
              && constraint instanceof Constraint.ForeignKey key
              && key.referencedTable().equalsIgnoreCase(table)) {
            throw new MigrationError(
                "cannot delete the table "
                    + table
                    + ": the foreign key "
                    + key.name()
                    + " of "
                    + other.name()
                    + " references it; remove that constraint first");
          }
        }
      }
      state.remove(table);
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).dropTable(table));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new CreateModel(before.require(table)));
    }

    @Override
    public String describe() {
      return "Delete table " + table;
    }

    @Override
    public String toSource() {
      return "deleteModel(" + Sources.literal(table) + ")";
    }
  }

  /** Renames a table; foreign keys of other tables follow it. */
  record RenameModel(String from, String to) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.rename(from, to);
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).renameTable(from, to));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new RenameModel(to, from));
    }

    @Override
    public String describe() {
      return "Rename table " + from + " to " + to;
    }

    @Override
    public String toSource() {
      return "renameModel(" + Sources.literal(from) + ", " + Sources.literal(to) + ")";
    }
  }
}
