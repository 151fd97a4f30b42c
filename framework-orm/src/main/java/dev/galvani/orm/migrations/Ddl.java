package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL statements of each vendor. Names are not quoted, like Hibernate's own SQL, so H2 folds
 * them to upper case and PostgreSQL to lower case exactly as Hibernate's queries do.
 */
final class Ddl {
  private final Vendor vendor;

  Ddl(Vendor vendor) {
    this.vendor = vendor;
  }

  List<String> createTable(Table table) {
    List<String> parts = new ArrayList<>();
    table.columns().forEach(column -> parts.add(column.definition(vendor)));
    for (Constraint constraint : table.constraints()) {
      if (constraint instanceof Constraint.ForeignKey && vendor == Vendor.MARIADB) {
        // an index of its own, so a unique constraint the key would otherwise borrow stays
        // droppable
        parts.add("INDEX " + constraint.name() + " (" + columns(constraint.columns()) + ")");
      }
      parts.add(constraintDefinition(constraint));
    }
    List<String> statements = new ArrayList<>();
    statements.add("CREATE TABLE " + table.name() + " (\n  " + String.join(",\n  ", parts) + "\n)");
    table.indexes().forEach(index -> statements.add(createIndex(table.name(), index)));
    return statements;
  }

  String dropTable(String table) {
    return "DROP TABLE " + table;
  }

  String renameTable(String from, String to) {
    return vendor == Vendor.MARIADB
        ? "RENAME TABLE " + from + " TO " + to
        : "ALTER TABLE " + from + " RENAME TO " + to;
  }

  String addColumn(String table, Column column) {
    return "ALTER TABLE " + table + " ADD COLUMN " + column.definition(vendor);
  }

  String dropColumn(String table, String column) {
    return "ALTER TABLE " + table + " DROP COLUMN " + column;
  }

  String renameColumn(String table, String from, String to) {
    return vendor == Vendor.H2
        ? "ALTER TABLE " + table + " ALTER COLUMN " + from + " RENAME TO " + to
        : "ALTER TABLE " + table + " RENAME COLUMN " + from + " TO " + to;
  }

  String dropDefault(String table, String column) {
    return "ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT";
  }

  /** The statements that turn column {@code from} into {@code to} (same name). */
  List<String> alterColumn(String table, Column from, Column to) {
    if (from.isIdentity() != to.isIdentity()) {
      throw new MigrationError(
          "alterField cannot turn identity generation on or off ("
              + table
              + "."
              + to.name()
              + "); write it with runSql for each vendor");
    }
    if (vendor == Vendor.MARIADB) {
      return from.equals(to)
          ? List.of()
          : List.of("ALTER TABLE " + table + " MODIFY COLUMN " + to.definition(vendor));
    }
    String alter = "ALTER TABLE " + table + " ALTER COLUMN " + to.name();
    List<String> statements = new ArrayList<>();
    if (!from.type().equals(to.type())) {
      String type = to.type().render(vendor);
      if (vendor == Vendor.POSTGRESQL) {
        boolean sameKind = from.type().kind() == to.type().kind();
        statements.add(
            alter + " TYPE " + type + (sameKind ? "" : " USING " + to.name() + "::" + type));
      } else {
        statements.add(alter + " SET DATA TYPE " + type);
      }
    }
    if (!from.defaultValue().equals(to.defaultValue())) {
      statements.add(
          to.defaultValue()
              .map(value -> alter + " SET DEFAULT " + value)
              .orElse(alter + " DROP DEFAULT"));
    }
    if (from.isNullable() != to.isNullable()) {
      statements.add(alter + (to.isNullable() ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    return statements;
  }

  List<String> addConstraint(String table, Constraint constraint) {
    List<String> statements = new ArrayList<>();
    if (constraint instanceof Constraint.ForeignKey && vendor == Vendor.MARIADB) {
      statements.add(
          "CREATE INDEX "
              + constraint.name()
              + " ON "
              + table
              + " ("
              + columns(constraint.columns())
              + ")");
    }
    statements.add("ALTER TABLE " + table + " ADD " + constraintDefinition(constraint));
    return statements;
  }

  List<String> dropConstraint(String table, Constraint constraint) {
    String alter = "ALTER TABLE " + table;
    if (vendor != Vendor.MARIADB) {
      return List.of(alter + " DROP CONSTRAINT " + constraint.name());
    }
    if (constraint instanceof Constraint.ForeignKey) {
      return List.of(
          alter + " DROP FOREIGN KEY " + constraint.name(),
          "DROP INDEX IF EXISTS " + constraint.name() + " ON " + table);
    } else if (constraint instanceof Constraint.Unique) {
      return List.of(alter + " DROP INDEX " + constraint.name());
    }
    return List.of(alter + " DROP PRIMARY KEY");
  }

  String createIndex(String table, Index index) {
    return "CREATE INDEX " + index.name() + " ON " + table + " (" + columns(index.columns()) + ")";
  }

  String dropIndex(String table, Index index) {
    return vendor == Vendor.MARIADB
        ? "DROP INDEX " + index.name() + " ON " + table
        : "DROP INDEX " + index.name();
  }

  private String constraintDefinition(Constraint constraint) {
    String columns = columns(constraint.columns());
    if (constraint instanceof Constraint.PrimaryKey) {
      return vendor == Vendor.MARIADB
          ? "PRIMARY KEY (" + columns + ")"
          : "CONSTRAINT " + constraint.name() + " PRIMARY KEY (" + columns + ")";
    } else if (constraint instanceof Constraint.Unique) {
      return "CONSTRAINT " + constraint.name() + " UNIQUE (" + columns + ")";
    }
    Constraint.ForeignKey key = (Constraint.ForeignKey) constraint;
    String sql =
        "CONSTRAINT "
            + key.name()
            + " FOREIGN KEY ("
            + columns
            + ") REFERENCES "
            + key.referencedTable()
            + " ("
            + columns(key.referencedColumns())
            + ")";
    return key.onDelete() == OnDelete.NO_ACTION ? sql : sql + " ON DELETE " + key.onDelete().sql();
  }

  private static String columns(List<String> names) {
    return String.join(", ", names);
  }
}
