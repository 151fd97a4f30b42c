package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.List;
import java.util.Optional;

/** The operations on indexes and constraints. */
final class KeyOperations {
  private KeyOperations() {}

  /** Creates a (non-unique) index. */
  record AddIndex(String table, Index index) implements Operation {
    AddIndex {
      index = index.namedFor(table);
    }

    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withIndex(index));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).createIndex(table, index));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new RemoveIndex(table, index.name()));
    }

    @Override
    public String describe() {
      return "Create index " + index.name() + " on " + table;
    }

    @Override
    public String toSource() {
      return "addIndex(" + Sources.literal(table) + ", " + index.toSource(table) + ")";
    }
  }

  /** Drops an index by name; its reverse recreates it from the state. */
  record RemoveIndex(String table, String name) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withoutIndex(name));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return List.of(new Ddl(vendor).dropIndex(table, before.require(table).requireIndex(name)));
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new AddIndex(table, before.require(table).requireIndex(name)));
    }

    @Override
    public String describe() {
      return "Remove index " + name + " from " + table;
    }

    @Override
    public String toSource() {
      return "removeIndex(" + Sources.literal(table) + ", " + Sources.literal(name) + ")";
    }
  }

  /** Adds a unique constraint, a foreign key or a primary key to an existing table. */
  record AddConstraint(String table, Constraint constraint) implements Operation {
    AddConstraint {
      constraint = constraint.namedFor(table);
    }

    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withConstraint(constraint));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      return new Ddl(vendor).addConstraint(table, constraint);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new RemoveConstraint(table, constraint.name()));
    }

    @Override
    public String describe() {
      return "Add constraint " + constraint.name() + " to " + table;
    }

    @Override
    public String toSource() {
      return "addConstraint(" + Sources.literal(table) + ", " + constraint.toSource(table) + ")";
    }
  }

  /** Drops a constraint by name; its reverse recreates it from the state. */
  record RemoveConstraint(String table, String name) implements Operation {
    @Override
    public void applyTo(SchemaState state) {
      state.put(state.require(table).withoutConstraint(name));
    }

    @Override
    public List<String> sql(Vendor vendor, SchemaState before) {
      Constraint constraint = before.require(table).requireConstraint(name);
      return new Ddl(vendor).dropConstraint(table, constraint);
    }

    @Override
    public Optional<Operation> reverse(SchemaState before) {
      return Optional.of(new AddConstraint(table, before.require(table).requireConstraint(name)));
    }

    @Override
    public String describe() {
      return "Remove constraint " + name + " from " + table;
    }

    @Override
    public String toSource() {
      return "removeConstraint(" + Sources.literal(table) + ", " + Sources.literal(name) + ")";
    }
  }
}
