package dev.galvani.orm.test;

import dev.galvani.orm.Database;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** Assertions about the SQL a piece of code sends, like Django's {@code assertNumQueries}. */
public final class QueryAssertions {
  private QueryAssertions() {}

  /**
   * Runs {@code work} and fails, listing the statements, unless it sent exactly {@code expected}
   * SQL statements to {@code database} from this thread.
   */
  public static void assertNumQueries(Database database, int expected, Runnable work) {
    List<String> statements = database.captureQueries(work);
    if (statements.size() != expected) {
      StringBuilder message =
          new StringBuilder()
              .append(expected)
              .append(" queries expected, ")
              .append(statements.size())
              .append(" sent:");
      for (int i = 0; i < statements.size(); i++) {
        message.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
      }
      Assertions.fail(message.toString());
    }
  }
}
