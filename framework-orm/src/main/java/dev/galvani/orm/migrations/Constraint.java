package dev.galvani.orm.migrations;

import java.util.List;

/**
 * A table constraint: its primary key, a unique constraint (single or composite) or a foreign key.
 * An empty name is replaced by a deterministic one ({@code <table>_<columns>_uniq}, {@code
 * <table>_<columns>_fk}, {@code <table>_pkey}) when the constraint is added to a table.
 */
public sealed interface Constraint {
  String name();

  List<String> columns();

  /** The same constraint with its derived name when it has none. */
  Constraint namedFor(String table);

  /** Whether two constraints constrain alike, whatever their names. */
  boolean sameDefinition(Constraint other);

  /** The Java expression that builds this constraint on {@code table}. */
  String toSource(String table);

  /** The table's primary key. */
  record PrimaryKey(String name, List<String> columns) implements Constraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }

    @Override
    public Constraint namedFor(String table) {
      return name.isEmpty() ? new PrimaryKey(table + "_pkey", columns) : this;
    }

    @Override
    public boolean sameDefinition(Constraint other) {
      return other instanceof PrimaryKey key && key.columns.equals(columns);
    }

    @Override
    public String toSource(String table) {
      return "primaryKey(" + Sources.literals(columns) + ")";
    }
  }

  /** Values (or combinations of values) that may appear only once. */
  record Unique(String name, List<String> columns) implements Constraint {
    public Unique {
      columns = List.copyOf(columns);
    }

    public Unique named(String newName) {
      return new Unique(newName, columns);
    }

    @Override
    public Constraint namedFor(String table) {
      return name.isEmpty() ? named(Names.of(table, columns, "uniq")) : this;
    }

    @Override
    public boolean sameDefinition(Constraint other) {
      return other instanceof Unique unique && unique.columns.equals(columns);
    }

    @Override
    public String toSource(String table) {
      String source = "unique(" + Sources.literals(columns) + ")";
      return name.equals(Names.of(table, columns, "uniq"))
          ? source
          : source + ".named(" + Sources.literal(name) + ")";
    }
  }

  /** Columns whose values must exist in another table's columns. */
  record ForeignKey(
      String name,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      OnDelete onDelete)
      implements Constraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }

    /** The table and columns referenced. */
    public ForeignKey references(String table, String... tableColumns) {
      return new ForeignKey(name, columns, table, List.of(tableColumns), onDelete);
    }

    /** What happens to these rows when the referenced row is deleted. */
    public ForeignKey onDelete(OnDelete action) {
      return new ForeignKey(name, columns, referencedTable, referencedColumns, action);
    }

    public ForeignKey named(String newName) {
      return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete);
    }

    @Override
    public Constraint namedFor(String table) {
      if (referencedTable.isEmpty()) {
        throw new IllegalArgumentException(
            "the foreign key on "
                + table
                + columns
                + " references no table; add .references(\"table\", \"id\")");
      }
      return name.isEmpty() ? named(Names.of(table, columns, "fk")) : this;
    }

    @Override
    public boolean sameDefinition(Constraint other) {
      return other instanceof ForeignKey key
          && key.columns.equals(columns)
          && key.referencedTable.equalsIgnoreCase(referencedTable)
          && key.referencedColumns.equals(referencedColumns)
          && key.onDelete == onDelete;
    }

    @Override
    public String toSource(String table) {
      StringBuilder source =
          new StringBuilder("foreignKey(")
              .append(Sources.literals(columns))
              .append(").references(")
              .append(Sources.literal(referencedTable))
              .append(", ")
              .append(Sources.literals(referencedColumns))
              .append(")");
      if (onDelete != OnDelete.NO_ACTION) {
        source.append(".onDelete(OnDelete.").append(onDelete.name()).append(")");
      }
      if (!name.equals(Names.of(table, columns, "fk"))) {
        source.append(".named(").append(Sources.literal(name)).append(")");
      }
      return source.toString();
    }
  }
}
