package dev.galvani.orm.migrations;

import java.util.List;

/**
 * A (non-unique) index on columns of a table; unique ones are {@link Constraint.Unique}. An empty
 * name is replaced by {@code <table>_<columns>_idx} when the index is added to a table.
 */
public record Index(String name, List<String> columns) {
  public Index {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an index needs at least one column");
    }
  }

  public Index named(String newName) {
    return new Index(newName, columns);
  }

  Index namedFor(String table) {
    return name.isEmpty() ? named(Names.of(table, columns, "idx")) : this;
  }

  boolean sameDefinition(Index other) {
    return columns.equals(other.columns);
  }

  /** The Java expression that builds this index, naming it only when the name is not derived. */
  String toSource(String table) {
    String source = "index(" + Sources.literals(columns) + ")";
    return name.equals(Names.of(table, columns, "idx"))
        ? source
        : source + ".named(" + Sources.literal(name) + ")";
  }
}
