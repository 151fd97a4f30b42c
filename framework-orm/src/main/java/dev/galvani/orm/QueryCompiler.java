package dev.galvani.orm;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * Turns a QuerySet's resolved names into one JPA Criteria query: joins for relation paths (one per
 * path, reused), predicates for lookups, orderings. Values are always bound parameters. One
 * instance per query; not thread-safe.
 */
final class QueryCompiler {
  private static final char LIKE_ESCAPE = '!';

  private final Database database;
  private final ModelMeta<?> model;
  private final CriteriaBuilder builder;
  private final From<?, ?> root;
  private final Map<String, Join<?, ?>> joins = new HashMap<>();
  private final Map<String, Expression<?>> annotations;
  private boolean joinedToMany;

  QueryCompiler(
      Database database,
      ModelMeta<?> model,
      CriteriaBuilder builder,
      From<?, ?> root,
      Map<String, Expression<?>> annotations) {
    this.database = database;
    this.model = model;
    this.builder = builder;
    this.root = root;
    this.annotations = annotations;
  }

  /** Whether a collection was joined, so rows of the root may repeat. */
  boolean joinedToMany() {
    return joinedToMany;
  }

  private From<?, ?> joinsFor(List<FieldMeta> fields, int count) {
    From<?, ?> from = root;
    for (int i = 0; i < count; i++) {
      FieldMeta field = fields.get(i);
      String key = LookupPath.joinKey(fields, i + 1);
      From<?, ?> parent = from;
      from = joins.computeIfAbsent(key, k -> parent.join(field.name(), JoinType.LEFT));
      joinedToMany |= field.relation().toMany();
    }
    return from;
  }

  /**
   * The expression for a field path: the column for a value field, the related row's id for a
   * relation (so it compares with ids and entities alike).
   */
  Expression<?> expression(LookupPath path) {
    List<FieldMeta> fields = path.fields;
    FieldMeta last = path.last();
    if (last.relation().toMany()) {
      From<?, ?> join = joinsFor(fields, fields.size());
      return join.get(database.meta(last.type()).id().name());
    }
    From<?, ?> from = joinsFor(fields, fields.size() - 1);
    Path<?> value = from.get(last.name());
    if (last.relation().toOne()) {
      return value.get(database.meta(last.type()).id().name());
    }
    return value;
  }

  Expression<?> fieldExpression(String expression) {
    Expression<?> annotation = annotations.get(expression);
    if (annotation != null) {
      return annotation;
    }
    return expression(LookupPath.field(database, model, expression));
  }

  Predicate predicate(Q condition) {
    if (condition instanceof Q.Lookup lookup) {
      return lookup(lookup.path, lookup.value);
    } else if (condition instanceof Q.All all) {
      return builder.and(all.parts.stream().map(this::predicate).toArray(Predicate[]::new));
    } else if (condition instanceof Q.AnyOf any) {
      return builder.or(any.parts.stream().map(this::predicate).toArray(Predicate[]::new));
    }
    return builder.not(predicate(((Q.Not) condition).inner));
  }

  private Predicate lookup(String expression, Object value) {
    String head = expression.contains("__") ? expression.split("__", 2)[0] : expression;
    if (annotations.containsKey(head)) {
      String lookupName =
          expression.equals(head) ? "exact" : expression.substring(head.length() + 2);
      if (!LookupPath.LOOKUPS.contains(lookupName)) {
        throw new InvalidQuery(
            "Unsupported lookup '"
                + ModelMeta.printable(lookupName)
                + "' for the annotation '"
                + head
                + "'; choices are: "
                + String.join(", ", LookupPath.LOOKUPS));
      }
      return compare(annotations.get(head), lookupName, value, expression, null);
    }
    LookupPath path = LookupPath.filter(database, model, expression);
    Expression<?> target = expression(path);
    FieldMeta field = path.last();
    if (path.transform != null) {
      target = transform(path.transform, target);
      field = null;
    }
    return compare(target, path.lookup, value, expression, field);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Predicate compare(
      Expression<?> target, String lookup, Object raw, String expression, FieldMeta field) {
    if (lookup.equals("isnull")) {
      return Values.bool(raw, expression) ? builder.isNull(target) : builder.isNotNull(target);
    }
    if (raw == null) {
      if (lookup.equals("exact")) {
        return builder.isNull(target);
      }
      throw new InvalidQuery(
          "'"
              + ModelMeta.printable(expression)
              + "' was given null; use the isnull lookup to find missing values");
    }
    switch (lookup) {
      case "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith" -> {
        return like(target, lookup, String.valueOf(raw));
      }
      case "in" -> {
        List<Object> items = new ArrayList<>();
        for (Object item : Values.items(raw, expression)) {
          items.add(value(field, item, expression));
        }
        return items.isEmpty() ? builder.disjunction() : target.in(items);
      }
      case "range" -> {
        List<Object> bounds = Values.items(raw, expression);
        if (bounds.size() != 2) {
          throw new InvalidQuery(
              "'" + ModelMeta.printable(expression) + "' needs exactly two values, from and to");
        }
        return builder.between(
            (Expression<Comparable>) target,
            (Comparable) value(field, bounds.get(0), expression),
            (Comparable) value(field, bounds.get(1), expression));
      }
      default -> {}
    }
    if (raw instanceof F reference) {
      Expression<?> other = reference(reference);
      return switch (lookup) {
        case "exact" -> builder.equal(target, other);
        case "gt" ->
            builder.greaterThan((Expression<Comparable>) target, (Expression<Comparable>) other);
        case "gte" ->
            builder.greaterThanOrEqualTo(
                (Expression<Comparable>) target, (Expression<Comparable>) other);
        case "lt" ->
            builder.lessThan((Expression<Comparable>) target, (Expression<Comparable>) other);
        case "lte" ->
            builder.lessThanOrEqualTo(
                (Expression<Comparable>) target, (Expression<Comparable>) other);
        default ->
            throw new InvalidQuery("The '" + lookup + "' lookup cannot take an F() reference");
      };
    }
    if (lookup.equals("iexact")) {
      return builder.equal(
          builder.lower((Expression<String>) target), String.valueOf(raw).toLowerCase());
    }
    Comparable value = (Comparable) value(field, raw, expression);
    Expression<Comparable> comparable = (Expression<Comparable>) target;
    return switch (lookup) {
      case "exact" -> builder.equal(target, value);
      case "gt" -> builder.greaterThan(comparable, value);
      case "gte" -> builder.greaterThanOrEqualTo(comparable, value);
      case "lt" -> builder.lessThan(comparable, value);
      case "lte" -> builder.lessThanOrEqualTo(comparable, value);
      default -> throw new IllegalStateException("unhandled lookup " + lookup);
    };
  }

  @SuppressWarnings("unchecked")
  private Expression<?> transform(String name, Expression<?> target) {
    HibernateCriteriaBuilder hibernate = (HibernateCriteriaBuilder) builder;
    Expression<? extends TemporalAccessor> temporal =
        (Expression<? extends TemporalAccessor>) target;
    return switch (name) {
      case "year" -> hibernate.year(temporal);
      case "month" -> hibernate.month(temporal);
      default -> hibernate.day(temporal);
    };
  }

  private Object value(FieldMeta field, Object raw, String expression) {
    if (field == null) {
      return raw instanceof Number ? raw : Values.integer(raw, expression);
    }
    return Values.coerce(database, field, raw, expression);
  }

  @SuppressWarnings("unchecked")
  private Predicate like(Expression<?> target, String lookup, String text) {
    String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    String pattern =
        switch (lookup) {
          case "contains", "icontains" -> "%" + escaped + "%";
          case "startswith", "istartswith" -> escaped + "%";
          default -> "%" + escaped;
        };
    Expression<String> column = (Expression<String>) target;
    if (lookup.startsWith("i")) {
      return builder.like(builder.lower(column), pattern.toLowerCase(), LIKE_ESCAPE);
    }
    return builder.like(column, pattern, LIKE_ESCAPE);
  }

  /** An F() reference as an expression, with its arithmetic. */
  @SuppressWarnings("unchecked")
  Expression<?> reference(F reference) {
    LookupPath path = LookupPath.field(database, model, reference.field);
    Expression<Number> field = (Expression<Number>) expression(path);
    return switch (reference.operator) {
      case NONE -> field;
      case PLUS -> builder.sum(field, reference.operand);
      case MINUS -> builder.diff(field, reference.operand);
      case TIMES -> builder.prod(field, reference.operand);
    };
  }

  List<Order> orders(List<String> ordering) {
    List<Order> orders = new ArrayList<>();
    for (String item : ordering) {
      boolean descending = item.startsWith("-");
      String name = descending ? item.substring(1) : item;
      if (name.equals("?")) {
        throw new InvalidQuery("Random ordering ('?') is not supported; order by a field");
      }
      Expression<?> expression = fieldExpression(name);
      orders.add(descending ? builder.desc(expression) : builder.asc(expression));
    }
    return orders;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Expression<Comparable> comparable(Expression<?> expression) {
    return (Expression<Comparable>) expression;
  }

  Expression<?> aggregate(Aggregate aggregate) {
    Expression<?> field = fieldExpression(aggregate.field());
    @SuppressWarnings("unchecked")
    Expression<Number> number = (Expression<Number>) field;
    return switch (aggregate.function()) {
      case COUNT -> aggregate.distinct() ? builder.countDistinct(field) : builder.count(field);
      case SUM -> builder.sum(number);
      case AVG -> builder.avg(number);
      case MIN -> builder.least(comparable(field));
      case MAX -> builder.greatest(comparable(field));
    };
  }
}
