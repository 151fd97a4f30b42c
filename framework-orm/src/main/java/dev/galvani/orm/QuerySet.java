package dev.galvani.orm;

import dev.galvani.core.http.NotFound;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.FetchParent;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.query.Query;

/**
 * A lazy, chainable, immutable query over one entity, like Django's QuerySet. Every chaining method
 * returns a new QuerySet; nothing runs until the rows are asked for ({@link #list}, iteration,
 * {@link #count}, {@link #exists}, {@link #get}, {@link #first}). Thread-safe: share and refine
 * freely.
 *
 * <pre>{@code
 * List<Book> recent = db.objects(Book.class)
 *     .filter("author__name__icontains", "woolf")
 *     .exclude("genre", Genre.POETRY)
 *     .orderBy("-published")
 *     .limit(10)
 *     .list();
 * }</pre>
 *
 * <p>Every field and lookup name is checked against the model before SQL is built; an unknown or
 * malformed name throws {@link InvalidQuery} naming the valid choices (a 400 if a view lets it
 * escape). Values are always bound parameters.
 */
public final class QuerySet<T> implements Iterable<T> {
  private static final int GET_LIMIT = 21;

  private final Database database;
  private final Class<T> model;
  private final List<Q> conditions;
  private final List<String> ordering;
  private final int offset;
  private final int limit;
  private final boolean distinct;
  private final List<String> selectRelated;
  private final List<String> prefetchRelated;
  private final Map<String, Aggregate> annotations;

  QuerySet(Database database, Class<T> model) {
    this(database, model, new Parts());
  }

  private QuerySet(Database database, Class<T> model, Parts parts) {
    this.database = database;
    this.model = model;
    this.conditions = parts.conditions;
    this.ordering = parts.ordering;
    this.offset = parts.offset;
    this.limit = parts.limit;
    this.distinct = parts.distinct;
    this.selectRelated = parts.selectRelated;
    this.prefetchRelated = parts.prefetchRelated;
    this.annotations = parts.annotations;
  }

  /** What a chaining method may change: a copy of one QuerySet's parts, made into the next one. */
  private static final class Parts {
    List<Q> conditions = List.of();
    List<String> ordering = List.of();
    int offset = 0;
    int limit = -1;
    boolean distinct = false;
    List<String> selectRelated = List.of();
    List<String> prefetchRelated = List.of();
    Map<String, Aggregate> annotations = Map.of();

    Parts() {}

    Parts(QuerySet<?> from) {
      conditions = from.conditions;
      ordering = from.ordering;
      offset = from.offset;
      limit = from.limit;
      distinct = from.distinct;
      selectRelated = from.selectRelated;
      prefetchRelated = from.prefetchRelated;
      annotations = from.annotations;
    }
  }

  /** A new QuerySet with this one's parts, changed by {@code change}. */
  private QuerySet<T> with(Consumer<Parts> change) {
    Parts parts = new Parts(this);
    change.accept(parts);
    return new QuerySet<>(database, model, parts);
  }

  private static <E> List<E> plus(List<E> list, E item) {
    List<E> copy = new ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }

  private ModelMeta<T> meta() {
    return database.meta(model);
  }

  // ---- refining ---------------------------------------------------------------------------

  /** Rows matching a lookup: {@code filter("pubDate__year", 2024)}. */
  public QuerySet<T> filter(String lookup, Object value) {
    return filter(Q.of(lookup, value));
  }

  /** Rows matching all of these lookups. */
  public QuerySet<T> filter(Map<String, ?> lookups) {
    return filter(Q.of(lookups));
  }

  public QuerySet<T> filter(Q condition) {
    check(condition);
    return with(parts -> parts.conditions = plus(conditions, condition));
  }

  /** Rows not matching a lookup. */
  public QuerySet<T> exclude(String lookup, Object value) {
    return exclude(Q.of(lookup, value));
  }

  public QuerySet<T> exclude(Q condition) {
    return filter(condition.not());
  }

  /** Resolves every name now, so a bad name fails where it is written, not where rows are read. */
  private void check(Q condition) {
    if (condition instanceof Q.Lookup lookup) {
      String head = lookup.path.split("__", 2)[0];
      if (!annotations.containsKey(head)) {
        LookupPath.filter(database, meta(), lookup.path);
      }
    } else if (condition instanceof Q.All all) {
      all.parts.forEach(this::check);
    } else if (condition instanceof Q.AnyOf any) {
      any.parts.forEach(this::check);
    } else if (condition instanceof Q.Not not) {
      check(not.inner);
    }
  }

  /**
   * Orders by fields; {@code "-pubDate"} is descending, {@code "author__name"} follows a relation.
   */
  public QuerySet<T> orderBy(String... fields) {
    List<String> order = List.of(fields);
    for (String field : order) {
      String name = field.startsWith("-") ? field.substring(1) : field;
      if (name.equals("?")) {
        throw new InvalidQuery("Random ordering ('?') is not supported; order by a field");
      }
      if (!annotations.containsKey(name)) {
        LookupPath.field(database, meta(), name);
      }
    }
    return with(parts -> parts.ordering = order);
  }

  /** Orders by a metamodel attribute, checked by the compiler. */
  public QuerySet<T> orderBy(SingularAttribute<? super T, ?> attribute, boolean descending) {
    return orderBy((descending ? "-" : "") + attribute.getName());
  }

  /** The same query in reverse order. */
  public QuerySet<T> reverse() {
    List<String> order = ordering.isEmpty() ? List.of(meta().id().name()) : ordering;
    return orderBy(
        order.stream()
            .map(f -> f.startsWith("-") ? f.substring(1) : "-" + f)
            .toArray(String[]::new));
  }

  /** At most {@code count} rows. */
  public QuerySet<T> limit(int count) {
    if (count < 0) {
      throw new InvalidQuery("A limit cannot be negative: " + count);
    }
    return with(parts -> parts.limit = count);
  }

  /** Skips the first {@code count} rows. */
  public QuerySet<T> offset(int count) {
    if (count < 0) {
      throw new InvalidQuery("An offset cannot be negative: " + count);
    }
    int remaining = limit < 0 ? -1 : Math.max(0, limit - count);
    return with(
        parts -> {
          parts.offset = offset + count;
          parts.limit = remaining;
        });
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive), like Python's {@code qs[from:to]}. */
  public QuerySet<T> slice(int from, int to) {
    if (to < from) {
      throw new InvalidQuery("A slice ends after it starts: [" + from + ":" + to + "]");
    }
    return offset(from).limit(to - from);
  }

  public QuerySet<T> distinct() {
    return with(parts -> parts.distinct = true);
  }

  /**
   * Loads to-one relations in the same query (a join), so reading {@code book.getAuthor()} costs no
   * query. For collections use {@link #prefetchRelated}.
   */
  public QuerySet<T> selectRelated(String... relations) {
    for (String relation : relations) {
      for (FieldMeta field : LookupPath.field(database, meta(), relation).fields) {
        if (!field.relation().toOne()) {
          throw new InvalidQuery(
              "selectRelated follows to-one relations, and '"
                  + field.name()
                  + "' is "
                  + (field.isRelation() ? "a collection; use prefetchRelated" : "not a relation"));
        }
      }
    }
    List<String> related = new ArrayList<>(selectRelated);
    related.addAll(List.of(relations));
    return with(parts -> parts.selectRelated = List.copyOf(related));
  }

  /**
   * Loads relations (collections too) for all rows in a few batched queries after the main one,
   * never by joining a collection into a paginated query.
   */
  public QuerySet<T> prefetchRelated(String... relations) {
    for (String relation : relations) {
      for (FieldMeta field : LookupPath.field(database, meta(), relation).fields) {
        if (!field.isRelation()) {
          throw new InvalidQuery(
              "prefetchRelated needs relations, and '" + field.name() + "' is not one");
        }
      }
    }
    List<String> related = new ArrayList<>(prefetchRelated);
    related.addAll(List.of(relations));
    return with(parts -> parts.prefetchRelated = List.copyOf(related));
  }

  /**
   * Adds a computed value per row (or per group with {@link #values}), usable in {@link #values},
   * {@link #filter} (as SQL HAVING) and {@link #orderBy}.
   */
  public QuerySet<T> annotate(String name, Aggregate aggregate) {
    if (meta().field(name).isPresent()) {
      throw new InvalidQuery(
          "The annotation '" + name + "' conflicts with a field of " + meta().name());
    }
    LookupPath.field(database, meta(), aggregate.field());
    Map<String, Aggregate> added = new LinkedHashMap<>(annotations);
    added.put(name, aggregate);
    return with(parts -> parts.annotations = added);
  }

  // ---- reading -----------------------------------------------------------------------------

  /** Runs the query and returns the rows. */
  public List<T> list() {
    Optional<PlainReader<T>> reader = plainReader();
    if (reader.isPresent() && isAllRows()) {
      Optional<String> sql = reader.get().selectAll(ordering);
      if (sql.isPresent()) {
        return database.jdbcStatement(sql.get(), c -> reader.get().list(c, sql.get()));
      }
    }
    return database.withSession(
        session -> {
          List<T> rows = rows(session, offset, limit);
          prefetch(rows);
          return rows;
        });
  }

  private List<T> rows(Session session, int first, int max) {
    Optional<String> plain = plainQuery(session);
    if (plain.isPresent()) {
      org.hibernate.query.SelectionQuery<T> query =
          session.createSelectionQuery(plain.get(), model);
      if (first > 0) {
        query.setFirstResult(first);
      }
      if (max >= 0) {
        query.setMaxResults(max);
      }
      query.setReadOnly(database.readOnlyReads());
      return query.getResultList();
    }
    CriteriaBuilder builder = session.getCriteriaBuilder();
    CriteriaQuery<T> query = builder.createQuery(model);
    Root<T> root = query.from(model);
    QueryCompiler compiler = compiler(builder, root, query);
    query.select(root);
    where(query, builder, compiler);
    for (String relation : selectRelated) {
      FetchParent<?, ?> parent = root;
      for (FieldMeta field : LookupPath.field(database, meta(), relation).fields) {
        parent = fetch(parent, field.name());
      }
    }
    Query<T> typed = orderedAndPaged(session, query, compiler, first, max);
    typed.setReadOnly(database.readOnlyReads());
    return typed.getResultList();
  }

  /**
   * For the commonest shape, every row ordered by the entity's own fields, the query as HQL text:
   * Hibernate caches its plan by the string, where a criteria tree is copied, validated and keyed
   * structurally on every run. Names were checked against the model when the QuerySet was built.
   */
  private Optional<String> plainQuery(Session session) {
    if (!conditions.isEmpty() || !annotations.isEmpty() || !selectRelated.isEmpty() || distinct) {
      return Optional.empty();
    }
    StringBuilder hql =
        new StringBuilder("select e from ")
            .append(session.getSessionFactory().getMetamodel().entity(model).getName())
            .append(" e");
    String separator = " order by ";
    for (String item : effectiveOrdering()) {
      String name = item.startsWith("-") ? item.substring(1) : item;
      Optional<FieldMeta> field = meta().field(name);
      if (field.isEmpty() || field.get().isRelation()) {
        return Optional.empty();
      }
      hql.append(separator).append("e.").append(name).append(item.startsWith("-") ? " desc" : "");
      separator = ", ";
    }
    return Optional.of(hql.toString());
  }

  private static FetchParent<?, ?> fetch(FetchParent<?, ?> parent, String name) {
    for (Fetch<?, ?> existing : parent.getFetches()) {
      if (existing.getAttribute().getName().equals(name)) {
        return existing;
      }
    }
    return parent.fetch(name, JoinType.LEFT);
  }

  private List<String> effectiveOrdering() {
    // slicing needs a stable order, or rows wander between pages
    if (ordering.isEmpty() && (offset > 0 || limit >= 0)) {
      return List.of(meta().id().name());
    }
    return ordering;
  }

  /**
   * {@code query} in this QuerySet's order, distinct if asked, skipping {@code first} rows and
   * returning at most {@code max} (all when negative).
   */
  private <R> Query<R> orderedAndPaged(
      Session session, CriteriaQuery<R> query, QueryCompiler compiler, int first, int max) {
    query.orderBy(compiler.orders(effectiveOrdering()));
    query.distinct(distinct);
    Query<R> typed = session.createQuery(query);
    if (first > 0) {
      typed.setFirstResult(first);
    }
    if (max >= 0) {
      typed.setMaxResults(max);
    }
    return typed;
  }

  private QueryCompiler compiler(
      CriteriaBuilder builder, Root<T> root, jakarta.persistence.criteria.AbstractQuery<?> query) {
    Map<String, Expression<?>> annotationExpressions = new LinkedHashMap<>();
    QueryCompiler compiler =
        new QueryCompiler(database, meta(), builder, root, annotationExpressions);
    annotations.forEach(
        (name, aggregate) -> annotationExpressions.put(name, compiler.aggregate(aggregate)));
    return compiler;
  }

  private void where(
      jakarta.persistence.criteria.AbstractQuery<?> query,
      CriteriaBuilder builder,
      QueryCompiler compiler) {
    List<Predicate> where = new ArrayList<>();
    List<Predicate> having = new ArrayList<>();
    for (Q condition : conditions) {
      (refersToAnnotation(condition) ? having : where).add(compiler.predicate(condition));
    }
    if (!where.isEmpty()) {
      query.where(builder.and(where.toArray(Predicate[]::new)));
    }
    if (!having.isEmpty()) {
      query.having(builder.and(having.toArray(Predicate[]::new)));
    }
  }

  private boolean refersToAnnotation(Q condition) {
    if (condition instanceof Q.Lookup lookup) {
      return annotations.containsKey(lookup.path.split("__", 2)[0]);
    } else if (condition instanceof Q.All all) {
      return all.parts.stream().anyMatch(this::refersToAnnotation);
    } else if (condition instanceof Q.AnyOf any) {
      return any.parts.stream().anyMatch(this::refersToAnnotation);
    }
    return refersToAnnotation(((Q.Not) condition).inner);
  }

  private void prefetch(List<T> rows) {
    for (String relation : prefetchRelated) {
      List<Object> level = new ArrayList<>(rows);
      ModelMeta<?> owner = meta();
      for (FieldMeta field : LookupPath.field(database, meta(), relation).fields) {
        List<Object> next = new ArrayList<>();
        for (Object row : level) {
          Object value = owner.get(row, field.name());
          // Hibernate's batch fetching loads up to 100 owners' relations per query
          Hibernate.initialize(value);
          if (value instanceof Collection<?> collection) {
            next.addAll(collection);
          } else if (value != null) {
            next.add(value);
          }
        }
        level = next;
        owner = database.meta(field.type());
      }
    }
  }

  @Override
  public Iterator<T> iterator() {
    return list().iterator();
  }

  public Stream<T> stream() {
    return list().stream();
  }

  /** The number of rows, counted by the database (or the slice's length when sliced). */
  public long count() {
    if (offset > 0 || limit >= 0) {
      return list().size();
    }
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Long> query = builder.createQuery(Long.class);
          Root<T> root = query.from(model);
          QueryCompiler compiler = compiler(builder, root, query);
          where(query, builder, compiler);
          Expression<?> id = root.get(meta().id().name());
          query.select(
              distinct || compiler.joinedToMany() ? builder.countDistinct(id) : builder.count(id));
          return session.createQuery(query).getSingleResult();
        });
  }

  /** Whether any row matches, reading at most one id. */
  public boolean exists() {
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Object> query = builder.createQuery(Object.class);
          Root<T> root = query.from(model);
          QueryCompiler compiler = compiler(builder, root, query);
          where(query, builder, compiler);
          query.select(root.get(meta().id().name()));
          return !session
              .createQuery(query)
              .setFirstResult(offset)
              .setMaxResults(1)
              .getResultList()
              .isEmpty();
        });
  }

  /** The first row in this order (by id when unordered). */
  public Optional<T> first() {
    QuerySet<T> ordered = ordering.isEmpty() ? orderBy(meta().id().name()) : this;
    List<T> rows = ordered.limit(1).list();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The last row in this order (by id when unordered). */
  public Optional<T> last() {
    return reverse().first();
  }

  /** The one row matching a lookup; see {@link #get()}. */
  public T get(String lookup, Object value) {
    String id = meta().id().name();
    if (isAllRows() && (lookup.equals(id) || lookup.equals(id + "__exact")) && value != null) {
      // the primary key of an unrefined QuerySet: Hibernate's find, which skips building,
      // copying and caching a criteria query, and answers from the session when it can
      Object key = Values.coerce(database, meta().id(), value, lookup);
      Optional<PlainReader<T>> reader = plainReader();
      T found =
          reader.isPresent()
              ? database
                  .jdbcStatement(reader.get().selectById(), c -> reader.get().get(c, key))
                  .orElse(null)
              : database.withSession(
                  session ->
                      database.readOnlyReads()
                          ? session.find(model, key, org.hibernate.ReadOnlyMode.READ_ONLY)
                          : session.find(model, key));
      if (found == null) {
        throw new ObjectDoesNotExist("No " + meta().verboseName() + " matches the given query.");
      }
      return found;
    }
    return filter(lookup, value).get();
  }

  /**
   * The JDBC reader, for reads outside a transaction of a plain model (see {@link PlainReader}):
   * what they return is not tracked anyway, so they need no session. Inside {@code atomic} rows are
   * loaded into the session, which writes their changes at commit.
   */
  private Optional<PlainReader<T>> plainReader() {
    return database.readOnlyReads() ? database.plainReader(model) : Optional.empty();
  }

  /** Whether nothing refines this QuerySet: every row, in the given order if any. */
  private boolean isAllRows() {
    return conditions.isEmpty()
        && annotations.isEmpty()
        && selectRelated.isEmpty()
        && prefetchRelated.isEmpty()
        && offset == 0
        && limit < 0
        && !distinct;
  }

  public T get(Map<String, ?> lookups) {
    return filter(lookups).get();
  }

  /**
   * The one row of this query.
   *
   * @throws ObjectDoesNotExist when there is none (a 404 if a view lets it escape)
   * @throws MultipleObjectsReturned when there are several
   */
  public T get() {
    List<T> rows = limit >= 0 ? list() : limit(GET_LIMIT).list();
    if (rows.isEmpty()) {
      throw new ObjectDoesNotExist("No " + meta().verboseName() + " matches the given query.");
    }
    if (rows.size() > 1) {
      throw new MultipleObjectsReturned(
          "get() returned more than one "
              + meta().name()
              + " -- it returned "
              + (rows.size() >= GET_LIMIT ? "more than " + (GET_LIMIT - 1) : rows.size())
              + "! Conditions: "
              + conditions);
    }
    return rows.get(0);
  }

  /**
   * The one row matching a lookup, or a 404 ({@link NotFound}) when there is none: for views that
   * look up what the URL names, like Django's {@code get_object_or_404}.
   */
  public T getOr404(String lookup, Object value) {
    try {
      return get(lookup, value);
    } catch (ObjectDoesNotExist e) {
      throw new NotFound(e.getMessage());
    }
  }

  public T getOr404() {
    try {
      return get();
    } catch (ObjectDoesNotExist e) {
      throw new NotFound(e.getMessage());
    }
  }

  /** Page {@code number} (from 1) of {@code size} rows, without counting the table. */
  public Page<T> page(int number, int size) {
    if (number < 1 || size < 1) {
      throw new InvalidQuery("Pages are numbered from 1 and hold at least one row");
    }
    long start = (long) (number - 1) * size;
    if (start > Integer.MAX_VALUE - size - 1) {
      throw new InvalidQuery("Page " + number + " is out of range");
    }
    List<T> rows = offset((int) start).limit(size + 1).list();
    boolean hasNext = rows.size() > size;
    return new Page<>(hasNext ? rows.subList(0, size) : rows, number, size, hasNext);
  }

  /** Chosen fields (and annotations) of each row as maps; with annotations, one row per group. */
  public List<Map<String, Object>> values(String... fields) {
    List<String> names = new ArrayList<>(List.of(fields));
    if (names.isEmpty()) {
      meta().fields().stream()
          .filter(field -> !field.relation().toMany())
          .forEach(field -> names.add(field.name()));
    }
    List<String> plain = names.stream().filter(name -> !annotations.containsKey(name)).toList();
    List<String> all = new ArrayList<>(plain);
    annotations.keySet().stream().filter(name -> !all.contains(name)).forEach(all::add);
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Tuple> query = builder.createTupleQuery();
          Root<T> root = query.from(model);
          QueryCompiler compiler = compiler(builder, root, query);
          List<Selection<?>> selections = new ArrayList<>();
          List<Expression<?>> groups = new ArrayList<>();
          for (String name : all) {
            Expression<?> expression = compiler.fieldExpression(name);
            selections.add(expression.alias(name));
            if (!annotations.containsKey(name)) {
              groups.add(expression);
            }
          }
          query.multiselect(selections);
          where(query, builder, compiler);
          if (!annotations.isEmpty() && !groups.isEmpty()) {
            query.groupBy(groups);
          }
          Query<Tuple> typed = orderedAndPaged(session, query, compiler, offset, limit);
          List<Map<String, Object>> result = new ArrayList<>();
          for (Tuple tuple : typed.getResultList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String name : all) {
              row.put(name, tuple.get(name));
            }
            result.add(row);
          }
          return result;
        });
  }

  /** One field of each row: {@code valuesList("title", String.class)}. */
  public <V> List<V> valuesList(String field, Class<V> type) {
    return values(field).stream().map(row -> type.cast(row.get(field))).toList();
  }

  /**
   * Aggregates over all matching rows: {@code aggregate(Map.of("total", Aggregate.sum("pages")))}.
   */
  public Map<String, Object> aggregate(Map<String, Aggregate> aggregates) {
    aggregates.values().forEach(a -> LookupPath.field(database, meta(), a.field()));
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Tuple> query = builder.createTupleQuery();
          Root<T> root = query.from(model);
          QueryCompiler compiler = compiler(builder, root, query);
          List<Selection<?>> selections = new ArrayList<>();
          aggregates.forEach(
              (name, aggregate) -> selections.add(compiler.aggregate(aggregate).alias(name)));
          query.multiselect(selections);
          where(query, builder, compiler);
          Tuple tuple = session.createQuery(query).getSingleResult();
          Map<String, Object> result = new LinkedHashMap<>();
          aggregates.keySet().forEach(name -> result.put(name, tuple.get(name)));
          return result;
        });
  }

  /** One aggregate over all matching rows. */
  public Object aggregate(Aggregate aggregate) {
    return aggregate(Map.of("value", aggregate)).get("value");
  }

  // ---- writing -----------------------------------------------------------------------------

  /**
   * Sets fields on every matching row in one statement ({@link F} values refer to columns) and
   * returns how many rows changed. Bypasses entity versions and listeners, as Django's does.
   */
  public int update(Map<String, ?> changes) {
    if (changes.isEmpty()) {
      throw new InvalidQuery("update() needs at least one field to set");
    }
    Map<String, FieldMeta> fields = new LinkedHashMap<>();
    for (String name : changes.keySet()) {
      FieldMeta field = meta().require(name);
      if (field.primaryKey() || field.relation().toMany()) {
        throw new InvalidQuery("update() cannot set '" + name + "': it is the id or a collection");
      }
      fields.put(name, field);
    }
    if (offset > 0 || limit >= 0 || !annotations.isEmpty() || needsJoins()) {
      List<Object> ids = valuesList(meta().id().name(), Object.class);
      return ids.isEmpty()
          ? 0
          : database.objects(model).filter(meta().id().name() + "__in", ids).update(changes);
    }
    return database.atomic(
        () ->
            database.withSession(
                session -> {
                  CriteriaBuilder builder = session.getCriteriaBuilder();
                  CriteriaUpdate<T> update = builder.createCriteriaUpdate(model);
                  Root<T> root = update.from(model);
                  QueryCompiler compiler =
                      new QueryCompiler(database, meta(), builder, root, Map.of());
                  changes.forEach(
                      (name, value) -> set(update, root, compiler, fields.get(name), value));
                  List<Predicate> where = conditions.stream().map(compiler::predicate).toList();
                  if (!where.isEmpty()) {
                    update.where(where.toArray(Predicate[]::new));
                  }
                  session.flush();
                  return session.createMutationQuery(update).executeUpdate();
                }));
  }

  /** Shorthand for one field: {@code update("votes", F.of("votes").plus(1))}. */
  public int update(String field, Object value) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put(field, value);
    return update(change);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void set(
      CriteriaUpdate<T> update,
      Root<T> root,
      QueryCompiler compiler,
      FieldMeta field,
      Object value) {
    jakarta.persistence.criteria.Path<Object> column = root.get(field.name());
    if (value instanceof F reference) {
      setExpression(
          update, column, (Expression<Object>) (Expression) compiler.reference(reference));
      return;
    }
    Object converted;
    if (value == null) {
      if (!field.nullable()) {
        throw new InvalidQuery("'" + field.name() + "' cannot be set to null: it is required");
      }
      converted = null;
    } else if (field.isRelation()) {
      converted =
          field.type().isInstance(value)
              ? value
              : database.withSession(
                  s ->
                      s.getReference(
                          field.type(), Values.coerce(database, field, value, field.name())));
    } else {
      converted = Values.coerce(database, field, value, field.name());
    }
    update.set(column, converted);
  }

  private static <Y> void setExpression(
      CriteriaUpdate<?> update,
      jakarta.persistence.criteria.Path<Y> path,
      Expression<? extends Y> value) {
    update.set(path, value);
  }

  private boolean needsJoins() {
    return conditions.stream().anyMatch(this::crossesRelation);
  }

  private boolean crossesRelation(Q condition) {
    if (condition instanceof Q.Lookup lookup) {
      List<FieldMeta> fields = LookupPath.filter(database, meta(), lookup.path).fields;
      return fields.size() > 1 || fields.get(0).relation().toMany();
    } else if (condition instanceof Q.All all) {
      return all.parts.stream().anyMatch(this::crossesRelation);
    } else if (condition instanceof Q.AnyOf any) {
      return any.parts.stream().anyMatch(this::crossesRelation);
    }
    return crossesRelation(((Q.Not) condition).inner);
  }

  /**
   * Deletes every matching row and returns how many. Many-to-many link rows that point at them
   * (from either side) go first; other rows that refer to them must be deleted before, or have
   * their foreign key declared {@code ON DELETE CASCADE}, or a {@link
   * IntegrityError.ForeignKeyViolation} says which constraint stopped it.
   */
  public int delete() {
    List<LinkTable> links = LinkTable.referencing(database, model);
    boolean direct = links.isEmpty() && offset == 0 && limit < 0 && !needsJoins();
    return database.atomic(
        () ->
            database.withSession(
                session -> {
                  session.flush();
                  if (direct) {
                    return deleteWhere(session, conditions);
                  }
                  List<Object> ids = valuesList(meta().id().name(), Object.class);
                  int deleted = 0;
                  for (int start = 0; start < ids.size(); start += 1000) {
                    List<Object> chunk = ids.subList(start, Math.min(ids.size(), start + 1000));
                    for (LinkTable link : links) {
                      link.deleteRowsFor(session, chunk);
                    }
                    deleted +=
                        deleteWhere(session, List.of(Q.of(meta().id().name() + "__in", chunk)));
                  }
                  return deleted;
                }));
  }

  private int deleteWhere(Session session, List<Q> where) {
    CriteriaBuilder builder = session.getCriteriaBuilder();
    CriteriaDelete<T> delete = builder.createCriteriaDelete(model);
    Root<T> root = delete.from(model);
    QueryCompiler compiler = new QueryCompiler(database, meta(), builder, root, Map.of());
    List<Predicate> predicates = where.stream().map(compiler::predicate).toList();
    if (!predicates.isEmpty()) {
      delete.where(predicates.toArray(Predicate[]::new));
    }
    int deleted = session.createMutationQuery(delete).executeUpdate();
    // entities of deleted rows must not be written back by a later flush
    session.clear();
    return deleted;
  }

  /**
   * The row matching {@code lookups}, or a new one made from them (exact lookups only) and {@code
   * defaults}, saved. Safe against a concurrent insert when a unique constraint covers the lookups.
   */
  public Created<T> getOrCreate(Map<String, ?> lookups, Consumer<T> defaults) {
    return database.atomic(
        () -> {
          List<T> found = filter(lookups).limit(2).list();
          if (found.size() == 1) {
            return new Created<>(found.get(0), false);
          }
          if (found.size() > 1) {
            throw new MultipleObjectsReturned(
                "getOrCreate() found more than one " + meta().name() + " for " + lookups);
          }
          T created = fromLookups(lookups);
          defaults.accept(created);
          try {
            database.atomic(() -> database.save(created));
            return new Created<>(created, true);
          } catch (IntegrityError.UniqueViolation raced) {
            return new Created<>(filter(lookups).get(), false);
          }
        });
  }

  public Created<T> getOrCreate(Map<String, ?> lookups) {
    return getOrCreate(lookups, row -> {});
  }

  /** Applies {@code changes} to the row matching {@code lookups} (or a new one) and saves it. */
  public Created<T> updateOrCreate(Map<String, ?> lookups, Consumer<T> changes) {
    return database.atomic(
        () -> {
          Created<T> result = getOrCreate(lookups, changes);
          if (!result.created()) {
            changes.accept(result.object());
            database.save(result.object());
          }
          return result;
        });
  }

  private T fromLookups(Map<String, ?> lookups) {
    T row = meta().newInstance();
    lookups.forEach(
        (lookup, value) -> {
          LookupPath path = LookupPath.filter(database, meta(), lookup);
          if (path.fields.size() != 1 || !path.lookup.equals("exact") || path.transform != null) {
            throw new InvalidQuery(
                "getOrCreate() builds the new row from exact lookups of its own fields, and '"
                    + ModelMeta.printable(lookup)
                    + "' is not one; pass it in the defaults");
          }
          FieldMeta field = path.last();
          Object converted =
              field.isRelation() && !field.type().isInstance(value)
                  ? database.withSession(
                      s ->
                          s.getReference(
                              field.type(), Values.coerce(database, field, value, lookup)))
                  : field.isRelation() ? value : Values.coerce(database, field, value, lookup);
          meta().set(row, field.name(), converted);
        });
    return row;
  }

  /** Inserts many new rows in one transaction, with JDBC batching where the id allows it. */
  public List<T> bulkCreate(Collection<T> rows) {
    return database.atomic(
        () ->
            database.withSession(
                session -> {
                  int count = 0;
                  for (T row : rows) {
                    session.persist(row);
                    if (++count % 50 == 0) {
                      session.flush();
                    }
                  }
                  session.flush();
                  return List.copyOf(rows);
                }));
  }

  /**
   * Writes {@code fields} of rows already in memory back to the database, in one transaction and
   * one JDBC batch of {@code update ... where id = ?}: Django's {@code bulk_update}. Of rows the
   * session does not manage, only the named fields are written; no other change of them is. Returns
   * how many rows were written.
   *
   * <p>Rows that the current transaction's session manages are written by its flush instead (they
   * would be written at commit anyway, all their changes). A model with a {@code @Version} field
   * has it checked and moved on per row; a row changed since it was read fails the whole call with
   * an {@link jakarta.persistence.OptimisticLockException}.
   *
   * @throws InvalidQuery naming the problem when a field is unknown, the primary key, the version,
   *     a relation or not a plain column, or a row has no id
   */
  public int bulkUpdate(Collection<T> rows, String... fields) {
    BulkUpdate<T> update = new BulkUpdate<>(database, meta(), List.of(fields));
    if (rows.isEmpty()) {
      return 0;
    }
    return database.atomic(
        () -> {
          Session session = database.withSession(s -> s);
          List<T> detached = new ArrayList<>(rows.size());
          for (T row : rows) {
            if (!session.contains(row) || session.isReadOnly(row)) {
              detached.add(row);
            }
          }
          if (detached.size() < rows.size()) {
            session.flush();
          }
          int written = rows.size() - detached.size();
          if (!detached.isEmpty()) {
            written +=
                database.jdbcStatement(
                    update.sql(), connection -> update.run(connection, detached));
          }
          return written;
        });
  }

  /** {@link #bulkUpdate(Collection, String...)} with fields checked by the compiler. */
  @SafeVarargs
  public final int bulkUpdate(Collection<T> rows, SingularAttribute<? super T, ?>... fields) {
    return bulkUpdate(
        rows,
        java.util.Arrays.stream(fields).map(SingularAttribute::getName).toArray(String[]::new));
  }

  @Override
  public String toString() {
    return "QuerySet<"
        + model.getSimpleName()
        + ">("
        + (conditions.isEmpty() ? "all" : conditions.toString())
        + (ordering.isEmpty() ? "" : " order by " + ordering)
        + (offset > 0 ? " offset " + offset : "")
        + (limit >= 0 ? " limit " + limit : "")
        + ")";
  }
}
