package dev.galvani.orm.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A table in the {@link SchemaState}: its columns in order, its constraints (primary key, unique,
 * foreign keys) and its indexes. Immutable; changes return a new table.
 */
public record Table(
    String name, List<Column> columns, List<Constraint> constraints, List<Index> indexes) {

  public Table {
    columns = List.copyOf(columns);
    constraints = constraints.stream().map(constraint -> constraint.namedFor(name)).toList();
    indexes = indexes.stream().map(index -> index.namedFor(name)).toList();
  }

  public Optional<Column> column(String column) {
    return columns.stream().filter(each -> each.name().equalsIgnoreCase(column)).findFirst();
  }

  Column requireColumn(String column) {
    return column(column)
        .orElseThrow(
            () ->
                new MigrationError(
                    "the table "
                        + name
                        + " has no column "
                        + column
                        + "; its columns are "
                        + columns.stream().map(Column::name).toList()));
  }

  public Optional<Constraint> constraint(String constraintName) {
    return constraints.stream()
        .filter(each -> each.name().equalsIgnoreCase(constraintName))
        .findFirst();
  }

  public Optional<Index> index(String indexName) {
    return indexes.stream().filter(each -> each.name().equalsIgnoreCase(indexName)).findFirst();
  }

  public Optional<Constraint.PrimaryKey> primaryKey() {
    return constraints.stream()
        .filter(Constraint.PrimaryKey.class::isInstance)
        .map(Constraint.PrimaryKey.class::cast)
        .findFirst();
  }

  Table withColumn(Column column) {
    if (column(column.name()).isPresent()) {
      throw new MigrationError("the table " + name + " already has a column " + column.name());
    }
    List<Column> changed = new ArrayList<>(columns);
    changed.add(column);
    return new Table(name, changed, constraints, indexes);
  }

  Table withoutColumn(String column) {
    requireColumn(column);
    for (Constraint constraint : constraints) {
      if (constraint.columns().stream().anyMatch(column::equalsIgnoreCase)) {
        throw new MigrationError(
            "the column "
                + name
                + "."
                + column
                + " is part of the constraint "
                + constraint.name()
                + "; remove the constraint first");
      }
    }
    for (Index index : indexes) {
      if (index.columns().stream().anyMatch(column::equalsIgnoreCase)) {
        throw new MigrationError(
            "the column "
                + name
                + "."
                + column
                + " is part of the index "
                + index.name()
                + "; remove the index first");
      }
    }
    return new Table(
        name,
        columns.stream().filter(each -> !each.name().equalsIgnoreCase(column)).toList(),
        constraints,
        indexes);
  }

  Table withChangedColumn(Column column) {
    requireColumn(column.name());
    return new Table(
        name,
        columns.stream()
            .map(each -> each.name().equalsIgnoreCase(column.name()) ? column : each)
            .toList(),
        constraints,
        indexes);
  }

  /** Renames a column, and the column in its constraints and indexes (their names stay). */
  Table withRenamedColumn(String from, String to) {
    requireColumn(from);
    if (column(to).isPresent()) {
      throw new MigrationError("the table " + name + " already has a column " + to);
    }
    UnaryOperator<List<String>> rename =
        names -> names.stream().map(each -> each.equalsIgnoreCase(from) ? to : each).toList();
    return new Table(
        name,
        columns.stream()
            .map(each -> each.name().equalsIgnoreCase(from) ? each.renamed(to) : each)
            .toList(),
        constraints.stream().map(constraint -> renameIn(constraint, rename)).toList(),
        indexes.stream()
            .map(index -> new Index(index.name(), rename.apply(index.columns())))
            .toList());
  }

  private static Constraint renameIn(Constraint constraint, UnaryOperator<List<String>> rename) {
    if (constraint instanceof Constraint.ForeignKey key) {
      return new Constraint.ForeignKey(
          key.name(),
          rename.apply(key.columns()),
          key.referencedTable(),
          key.referencedColumns(),
          key.onDelete());
    } else if (constraint instanceof Constraint.Unique unique) {
      return new Constraint.Unique(unique.name(), rename.apply(unique.columns()));
    }
    return new Constraint.PrimaryKey(constraint.name(), rename.apply(constraint.columns()));
  }

  Table withConstraint(Constraint constraint) {
    Constraint named = constraint.namedFor(name);
    if (constraint(named.name()).isPresent()) {
      throw new MigrationError("the table " + name + " already has a constraint " + named.name());
    }
    named.columns().forEach(this::requireColumn);
    List<Constraint> changed = new ArrayList<>(constraints);
    changed.add(named);
    return new Table(name, columns, changed, indexes);
  }

  Table withoutConstraint(String constraintName) {
    requireConstraint(constraintName);
    return new Table(
        name,
        columns,
        constraints.stream().filter(each -> !each.name().equalsIgnoreCase(constraintName)).toList(),
        indexes);
  }

  Constraint requireConstraint(String constraintName) {
    return constraint(constraintName)
        .orElseThrow(
            () ->
                new MigrationError(
                    "the table "
                        + name
                        + " has no constraint "
                        + constraintName
                        + "; its constraints are "
                        + constraints.stream().map(Constraint::name).toList()));
  }

  Table withIndex(Index index) {
    Index named = index.namedFor(name);
    if (index(named.name()).isPresent()) {
      throw new MigrationError("the table " + name + " already has an index " + named.name());
    }
    named.columns().forEach(this::requireColumn);
    List<Index> changed = new ArrayList<>(indexes);
    changed.add(named);
    return new Table(name, columns, constraints, changed);
  }

  Table withoutIndex(String indexName) {
    requireIndex(indexName);
    return new Table(
        name,
        columns,
        constraints,
        indexes.stream().filter(each -> !each.name().equalsIgnoreCase(indexName)).toList());
  }

  Index requireIndex(String indexName) {
    return index(indexName)
        .orElseThrow(
            () ->
                new MigrationError(
                    "the table "
                        + name
                        + " has no index "
                        + indexName
                        + "; its indexes are "
                        + indexes.stream().map(Index::name).toList()));
  }

  /** The table under a new name; its constraints and indexes keep their names, as in SQL. */
  Table renamed(String newName) {
    return new Table(newName, columns, constraints, indexes);
  }

  /** The same table with foreign keys to {@code from} pointing at {@code to}. */
  Table withReferencesRenamed(String from, String to) {
    return new Table(
        name,
        columns,
        constraints.stream()
            .map(
                constraint ->
                    constraint instanceof Constraint.ForeignKey key
                            && key.referencedTable().equalsIgnoreCase(from)
                        ? new Constraint.ForeignKey(
                            key.name(), key.columns(), to, key.referencedColumns(), key.onDelete())
                        : constraint)
            .toList(),
        indexes);
  }
}
