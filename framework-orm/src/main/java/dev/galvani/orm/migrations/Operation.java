package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.List;
import java.util.Optional;

/**
 * One database-neutral step of a {@link Migration}, made with the factories of {@link Operations}.
 * An operation changes the in-memory {@link SchemaState} the way its SQL changes the database,
 * renders that SQL for each {@link Vendor}, and knows its reverse. Implementations are immutable.
 *
 * <p>The state before the operation is passed in wherever the operation needs what it replaces: the
 * reverse of {@code removeField} re-adds the column as the earlier migrations defined it, as Django
 * computes its reverses from the migration state.
 */
public interface Operation {
  /** Changes {@code state} as the operation changes the database; fails naming what is missing. */
  void applyTo(SchemaState state);

  /** The SQL statements for {@code vendor}, given the state before the operation. */
  List<String> sql(Vendor vendor, SchemaState before);

  /** The operation that undoes this one, given the state before it; empty when irreversible. */
  Optional<Operation> reverse(SchemaState before);

  /** One line for people, as {@code makemigrations} and {@code migrate} print it. */
  String describe();

  /** The Java expression that recreates the operation, as {@code makemigrations} writes it. */
  String toSource();

  /** What the migration checksum covers: by default the source. */
  default String fingerprint() {
    return toSource();
  }

  /** Runs the operation on the database: by default, its SQL statements one by one. */
  default void execute(MigrationContext context, SchemaState before) throws Exception {
    for (String statement : sql(context.vendor(), before)) {
      context.execute(statement);
    }
  }
}
