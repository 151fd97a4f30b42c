package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a data migration ({@code runJava}) works with: the JDBC connection of the running migration
 * (inside its transaction where the vendor has transactional DDL) and the vendor, for SQL that
 * differs. Entities are not available: a migration must keep working after the models change, so it
 * speaks SQL to the tables as they are at that point of the history.
 *
 * <pre>{@code
 * runJava(context -> context.execute("UPDATE polls_choice SET votes = 0 WHERE votes IS NULL"))
 * }</pre>
 */
public final class MigrationContext {
  private final Connection connection;
  private final Vendor vendor;

  MigrationContext(Connection connection, Vendor vendor) {
    this.connection = connection;
    this.vendor = vendor;
  }

  public Connection connection() {
    return connection;
  }

  public Vendor vendor() {
    return vendor;
  }

  /** Runs one statement with {@code ?} parameters; returns the update count (0 for DDL). */
  public int execute(String sql, Object... parameters) throws SQLException {
    if (parameters.length == 0) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return Math.max(statement.getUpdateCount(), 0);
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < parameters.length; index++) {
        statement.setObject(index + 1, parameters[index]);
      }
      statement.execute();
      return Math.max(statement.getUpdateCount(), 0);
    }
  }
}
