package dev.galvani.orm.internal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements each thread sends, for {@code assertNumQueries} and the DEBUG N+1
 * warning. Thread-safe: each thread records into its own list, and only while recording.
 */
public final class QueryLog implements StatementInspector {
  private static final long serialVersionUID = 1L;
  private final transient ThreadLocal<List<String>> recording = new ThreadLocal<>();

  @Override
  public String inspect(String sql) {
    List<String> statements = recording.get();
    if (statements != null) {
      statements.add(sql);
    }
    return sql;
  }

  /** Starts recording this thread's statements; returns the previous recording to restore. */
  public List<String> start() {
    List<String> previous = recording.get();
    recording.set(new ArrayList<>());
    return previous;
  }

  /**
   * Stops recording and returns what was sent, restoring an outer recording (which also sees it).
   */
  public List<String> stop(List<String> previous) {
    List<String> statements = recording.get();
    if (previous != null) {
      previous.addAll(statements);
      recording.set(previous);
    } else {
      recording.remove();
    }
    return statements;
  }
}
