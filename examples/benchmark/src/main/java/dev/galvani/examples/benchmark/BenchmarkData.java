package dev.galvani.examples.benchmark;

import dev.galvani.orm.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's schema and data in one place, until the migrations engine can own them: creates
 * {@code world}, {@code fortune} and {@code page_item} when missing and fills {@code world} (10,000
 * rows) and {@code fortune} (the 12 TFB rows) when empty. Idempotent, so both targets call it on
 * startup. The DDL is the same text on PostgreSQL and H2. Stateless and thread-safe.
 */
public final class BenchmarkData {
  /** World ids run from 1 to this. */
  public static final int WORLD_ROWS = 10_000;

  /** The 12 TFB fortunes, in id order from 1. */
  public static final List<String> FORTUNES =
      List.of(
          "fortune: No such file or directory",
          "A computer scientist is someone who fixes things that aren't broken.",
          "After enough decimal places, nobody gives a damn.",
          "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
          "A computer program does what you tell it to do, not what you want it to do.",
          "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen",
          "Any program that runs right is obsolete.",
          "A list is only as strong as its weakest link. \u2014 Donald Knuth",
          "Feature: A bug with seniority.",
          "Computers make very fast, very accurate mistakes.",
          "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
          "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af");

  /** The fortune each request adds in memory, never saved. */
  public static final String ADDED_FORTUNE = "Additional fortune added at request time.";

  private static final List<String> SCHEMA =
      List.of(
          "create table if not exists world (id integer primary key, randomnumber integer not null)",
          "create table if not exists fortune (id integer primary key, message varchar(2048) not null)",
          "create table if not exists page_item (id integer primary key, name varchar(100) not null)");

  private BenchmarkData() {}

  /** Creates and fills the tables of the Galvani site's database. */
  public static void ensure(Database database) {
    database.connection(
        connection -> {
          ensure(connection);
          return null;
        });
  }

  /**
   * Creates and fills the tables over a plain connection, in one transaction. When the other target
   * does the same at the same moment, one of them fails on the catalog or a key; it tries once more
   * and then finds everything in place.
   */
  public static void ensure(Connection connection) throws SQLException {
    try {
      inTransaction(connection, () -> createAndFill(connection));
    } catch (SQLException raced) {
      inTransaction(connection, () -> createAndFill(connection));
    }
  }

  private static void createAndFill(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String ddl : SCHEMA) {
        statement.execute(ddl);
      }
    }
    if (isEmpty(connection, "world")) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      try (PreparedStatement insert =
          connection.prepareStatement("insert into world (id, randomnumber) values (?, ?)")) {
        for (int id = 1; id <= WORLD_ROWS; id++) {
          insert.setInt(1, id);
          insert.setInt(2, random.nextInt(1, WORLD_ROWS + 1));
          insert.addBatch();
          if (id % 1000 == 0) {
            insert.executeBatch();
          }
        }
      }
    }
    if (isEmpty(connection, "fortune")) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into fortune (id, message) values (?, ?)")) {
        for (int i = 0; i < FORTUNES.size(); i++) {
          insert.setInt(1, i + 1);
          insert.setString(2, FORTUNES.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /**
   * Replaces the rows of {@code page_item} with {@code count} rows ({@code id} 1..count, {@code
   * name} "item N"), generated inside the database so a million rows take seconds.
   */
  public static void fillPageItems(Connection connection, int count) throws SQLException {
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    String rows =
        postgres
            ? "select x, 'item ' || x from generate_series(1, ?) as x"
            : "select x, 'item ' || x from system_range(1, ?)";
    inTransaction(
        connection,
        () -> {
          createAndFill(connection);
          try (Statement statement = connection.createStatement()) {
            statement.execute("truncate table page_item");
          }
          try (PreparedStatement insert =
              connection.prepareStatement("insert into page_item (id, name) " + rows)) {
            insert.setInt(1, count);
            insert.executeUpdate();
          }
        });
    if (postgres) {
      // fresh statistics and visibility map now, so that autovacuum does not start on the new rows
      // in the middle of a measurement (it runs outside a transaction, so after the commit)
      try (Statement statement = connection.createStatement()) {
        statement.execute("vacuum analyze page_item");
      }
    }
  }

  private static boolean isEmpty(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1 from " + table + " limit 1")) {
      return !rows.next();
    }
  }

  private static void inTransaction(Connection connection, SqlStep step) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      step.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  @FunctionalInterface
  private interface SqlStep {
    void run() throws SQLException;
  }
}
