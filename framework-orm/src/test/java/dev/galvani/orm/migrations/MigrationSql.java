package dev.galvani.orm.migrations;

import dev.galvani.orm.Database;
import dev.galvani.orm.Vendor;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL on the migration tests' tables, beside what the migrations do. */
final class MigrationSql {
  private MigrationSql() {}

  /** Drops test tables left behind by an earlier, interrupted run. */
  static void drop(Database database, String... tables) {
    database.connection(
        connection -> {
          try (var statement = connection.createStatement()) {
            if (database.vendor() == Vendor.MARIADB) {
              statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String table : tables) {
              statement.execute(
                  "DROP TABLE IF EXISTS "
                      + (table.startsWith("flyway") && database.vendor() != Vendor.MARIADB
                          ? "\"" + table + "\""
                          : table)
                      + (database.vendor() == Vendor.POSTGRESQL ? " CASCADE" : ""));
            }
            if (database.vendor() == Vendor.MARIADB) {
              statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
          }
          return null;
        });
  }

  /** Runs one statement. */
  static void execute(Database database, String statement) {
    database.connection(
        connection -> {
          try (var each = connection.createStatement()) {
            each.execute(statement);
          }
          return null;
        });
  }

  /** The first column of every row {@code query} returns, joined by commas; NULL as "null". */
  static String column(Database database, String query) {
    return database.connection(
        connection -> {
          try (var each = connection.createStatement();
              var rows = each.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
              values.add(String.valueOf(rows.getObject(1)));
            }
            return String.join(",", values);
          }
        });
  }
}
