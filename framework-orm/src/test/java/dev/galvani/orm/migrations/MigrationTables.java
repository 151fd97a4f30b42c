package dev.galvani.orm.migrations;

import dev.galvani.orm.Database;
import dev.galvani.orm.Vendor;

/** Drops test tables left behind by an earlier, interrupted run. */
final class MigrationTables {
  private MigrationTables() {}

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
}
