package dev.galvani.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition for {@link QuerySet#filter(Q)}, combinable with {@link #and}, {@link #or} and {@link
 * #not}, like Django's {@code Q} objects. Immutable.
 *
 * <pre>{@code
 * Q recent = Q.of("published__year__gte", 2020);
 * books.filter(recent.or(Q.of("author__name__icontains", "woolf")).and(Q.of("pages__lt", 300).not()));
 * }</pre>
 */
public abstract sealed class Q permits Q.Lookup, Q.All, Q.AnyOf, Q.Not {
  Q() {}

  /** One lookup: a field path with an optional lookup suffix, and its value. */
  public static Q of(String lookup, Object value) {
    return new Lookup(Objects.requireNonNull(lookup, "lookup"), value);
  }

  /** All of these lookups ({@code Map.of("genre", NOVEL, "pages__gt", 100)}). */
  public static Q of(Map<String, ?> lookups) {
    List<Q> parts = new ArrayList<>();
    lookups.forEach((lookup, value) -> parts.add(of(lookup, value)));
    return new All(parts);
  }

  public Q and(Q other) {
    return new All(List.of(this, other));
  }

  public Q or(Q other) {
    return new AnyOf(List.of(this, other));
  }

  public Q not() {
    return new Not(this);
  }

  static final class Lookup extends Q {
    final String path;
    final Object value;

    Lookup(String path, Object value) {
      this.path = path;
      this.value = value;
    }

    @Override
    public String toString() {
      return path + "=" + value;
    }
  }

  static final class All extends Q {
    final List<Q> parts;

    All(List<Q> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
      return parts.size() == 1 ? parts.get(0).toString() : "(" + join(parts, " AND ") + ")";
    }
  }

  static final class AnyOf extends Q {
    final List<Q> parts;

    AnyOf(List<Q> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
      return "(" + join(parts, " OR ") + ")";
    }
  }

  static final class Not extends Q {
    final Q inner;

    Not(Q inner) {
      this.inner = inner;
    }

    @Override
    public String toString() {
      return "NOT " + inner;
    }
  }

  private static String join(List<Q> parts, String separator) {
    return String.join(separator, parts.stream().map(Q::toString).toList());
  }
}
