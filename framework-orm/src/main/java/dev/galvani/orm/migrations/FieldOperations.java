package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.List;
import java.util.Optional;

/** The operations on columns: add, remove, alter, rename. */
final class FieldOperations {
  private FieldOperations() {}

  /**
   * Adds a column. With a one-off default, existing rows get that value and the column keeps no
   * default afterwards (Django's {@code preserve_default=False}).
   */
  record AddField(String table, Column column, Optional<String> oneOffDefault)
      implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withColumn(column));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      Ddl ddl = new Ddl(vendor);
      return oneOffDefault
          .map(
              value ->
                  List.of(
                      ddl.addColumn(table, column.defaultValue(value)),
                      ddl.dropDefault(table, column.name())))
          .orElseGet(() -> List.of(ddl.addColumn(table, column)));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new RemoveField(table, column.name()));
    }

    @Override
    public String describe() {
      return "Add field " + column.name() + " to " + table;
    }

    @Override
    public String toSource() {
      return "addField("
          + Sources.literal(table)
          + ", "
          + column.toSource()
          + oneOffDefault.map(value -> ", " + Sources.literal(value)).orElse("")
          + ")";
    }
  }

  /** Drops a column; its reverse re-adds the column as the earlier migrations defined it. */
  record RemoveField(String table, String column) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withoutColumn(column));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).dropColumn(table, column));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      Column old = before.require(table).requireColumn(column);
      return Optional.of(new AddField(table, old, Optional.empty()));
    }

    @Override
    public String describe() {
      return "Remove field " + column + " from " + table;
    }

    @Override
    public String toSource() {
      return "removeField(" + Sources.literal(table) + ", " + Sources.literal(column) + ")";
    }
  }

  /** Changes a column's type, nullability or default to {@code column}'s (found by name). */
  record AlterField(String table, Column column) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withChangedColumn(column));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      Column old = before.require(table).requireColumn(column.name());
      return new Ddl(vendor).alterColumn(table, old, column);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new AlterField(table, before.require(table).requireColumn(column.name())));
    }

    @Override
    public String describe() {
      return "Alter field " + column.name() + " on " + table;
    }

    @Override
    public String toSource() {
      return "alterField(" + Sources.literal(table) + ", " + column.toSource() + ")";
    }
  }

  /** Renames a column, keeping its data; constraints and indexes on it follow. */
  record RenameField(String table, String from, String to) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withRenamedColumn(from, to));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).renameColumn(table, from, to));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new RenameField(table, to, from));
    }

    @Override
    public String describe() {
      return "Rename field " + table + "." + from + " to " + to;
    }

    @Override
    public String toSource() {
      return "renameField("
          + Sources.literal(table)
          + ", "
          + Sources.literal(from)
          + ", "
          + Sources.literal(to)
          + ")";
    }
  }
}
