package dev.galvani.orm;

import java.util.Objects;

/**
 * An aggregate over a field path for {@link QuerySet#aggregate} and {@link QuerySet#annotate}.
 *
 * <pre>{@code
 * Map<String, Object> stats = books.aggregate(Map.of("pages", Aggregate.sum("pages")));
 * books.values("author__name").annotate("titles", Aggregate.count("id"));
 * }</pre>
 */
public record Aggregate(Function function, String field, boolean distinct) {
  /** The aggregate functions every supported database has. */
  public enum Function {
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX
  }

  public Aggregate {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(field, "field");
  }

  public static Aggregate count(String field) {
    return new Aggregate(Function.COUNT, field, false);
  }

  public static Aggregate countDistinct(String field) {
    return new Aggregate(Function.COUNT, field, true);
  }

  public static Aggregate sum(String field) {
    return new Aggregate(Function.SUM, field, false);
  }

  public static Aggregate avg(String field) {
    return new Aggregate(Function.AVG, field, false);
  }

  public static Aggregate min(String field) {
    return new Aggregate(Function.MIN, field, false);
  }

  public static Aggregate max(String field) {
    return new Aggregate(Function.MAX, field, false);
  }
}
