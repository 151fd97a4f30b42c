package dev.galvani.orm.migrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema of one app's tables as its migrations build it, in memory: what {@code makemigrations}
 * compares the entities with, and what the operations render their SQL against. Not thread-safe;
 * each use builds its own by replaying migrations.
 */
public final class SchemaState {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  /** The state after {@code migrations}, replayed in order. */
  public static SchemaState replay(List<Migration> migrations) {
    SchemaState state = new SchemaState();
    for (Migration migration : migrations) {
      for (Operation operation : migration.operations()) {
        operation.applyTo(state);
      }
    }
    return state;
  }

  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(key(name)));
  }

  public Collection<Table> tables() {
    return List.copyOf(tables.values());
  }

  Table require(String name) {
    Table table = tables.get(key(name));
    if (table == null) {
      throw new MigrationError(
          "there is no table "
              + name
              + " in the state the migrations build; the tables are "
              + tables.values().stream().map(Table::name).toList());
    }
    return table;
  }

  void put(Table table) {
    tables.put(key(table.name()), table);
  }

  void add(Table table) {
    if (tables.containsKey(key(table.name()))) {
      throw new MigrationError("the table " + table.name() + " exists already");
    }
    put(table);
  }

  void remove(String name) {
    require(name);
    tables.remove(key(name));
  }

  /** Renames a table and repoints the foreign keys of the other tables at it. */
  void rename(String from, String to) {
    Table table = require(from);
    if (tables.containsKey(key(to))) {
      throw new MigrationError("cannot rename " + from + " to " + to + ": that table exists");
    }
    Map<String, Table> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, Table> entry : tables.entrySet()) {
      Table each = entry.getValue() == table ? table.renamed(to) : entry.getValue();
      each = each.withReferencesRenamed(from, to);
      renamed.put(key(each.name()), each);
    }
    tables.clear();
    tables.putAll(renamed);
  }

  public SchemaState copy() {
    SchemaState copy = new SchemaState();
    copy.tables.putAll(tables);
    return copy;
  }

  /** Table names compare case-insensitively, as unquoted SQL names do. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "SchemaState" + new ArrayList<>(tables.keySet());
  }
}
