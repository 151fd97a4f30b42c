package dev.galvani.orm;

import jakarta.persistence.metamodel.SingularAttribute;
import java.util.Collection;
import java.util.List;

/**
 * Compile-time checked conditions over the JPA static metamodel that Hibernate's annotation
 * processor generates ({@code Book_}): the field exists and the value has its type.
 *
 * <pre>{@code
 * books.filter(Where.of(Book_.pages).gt(300).and(Where.of(Book_.title).icontains("sea")));
 * }</pre>
 */
public final class Where<V> {
  private final String field;

  private Where(String field) {
    this.field = field;
  }

  public static <X, V> Where<V> of(SingularAttribute<X, V> attribute) {
    return new Where<>(attribute.getName());
  }

  public Q exact(V value) {
    return Q.of(field, value);
  }

  public Q in(Collection<? extends V> values) {
    return Q.of(field + "__in", List.copyOf(values));
  }

  public Q isNull(boolean isNull) {
    return Q.of(field + "__isnull", isNull);
  }

  public Q gt(V value) {
    return Q.of(field + "__gt", value);
  }

  public Q gte(V value) {
    return Q.of(field + "__gte", value);
  }

  public Q lt(V value) {
    return Q.of(field + "__lt", value);
  }

  public Q lte(V value) {
    return Q.of(field + "__lte", value);
  }

  public Q range(V from, V to) {
    return Q.of(field + "__range", List.of(from, to));
  }

  public Q contains(String text) {
    return Q.of(field + "__contains", text);
  }

  public Q icontains(String text) {
    return Q.of(field + "__icontains", text);
  }

  public Q startswith(String text) {
    return Q.of(field + "__startswith", text);
  }

  public Q iexact(String text) {
    return Q.of(field + "__iexact", text);
  }
}
