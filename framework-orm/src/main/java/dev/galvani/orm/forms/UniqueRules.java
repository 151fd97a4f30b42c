package dev.galvani.orm.forms;

import dev.galvani.orm.Database;
import dev.galvani.orm.FieldMeta;
import dev.galvani.orm.ModelMeta;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * The unique columns and unique constraints of an entity, read from Hibernate's boot model, and the
 * queries that find a row already holding the same values. Immutable and thread-safe.
 */
final class UniqueRules {
  /** One unique column or constraint, as the entity fields it covers, in the constraint's order. */
  record Rule(List<FieldMeta> fields) {
    boolean composite() {
      return fields.size() > 1;
    }
  }

  /** A rule the submitted values break, to be shown on its field or on the form. */
  record Violation(Rule rule, String message) {}

  private final Database database;
  private final ModelMeta<?> meta;
  private final List<Rule> rules;

  private UniqueRules(Database database, ModelMeta<?> meta, List<Rule> rules) {
    this.database = database;
    this.meta = meta;
    this.rules = rules;
  }

  static UniqueRules of(Database database, ModelMeta<?> meta) {
    PersistentClass binding = database.hibernateMetadata().getEntityBinding(meta.model().getName());
    Map<String, FieldMeta> byColumn = new LinkedHashMap<>();
    for (FieldMeta field : meta.fields()) {
      if (!field.column().isEmpty() && !field.primaryKey()) {
        byColumn.put(field.column().toLowerCase(Locale.ROOT), field);
      }
    }
    List<Rule> rules = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    Table table = binding.getTable();
    for (Column column : table.getColumns()) {
      if (column.isUnique()) {
        add(rules, seen, List.of(column), byColumn);
      }
    }
    for (UniqueKey key : table.getUniqueKeys().values()) {
      add(rules, seen, key.getColumns(), byColumn);
    }
    return new UniqueRules(database, meta, List.copyOf(rules));
  }

  private static void add(
      List<Rule> rules,
      Set<List<String>> seen,
      List<Column> columns,
      Map<String, FieldMeta> byColumn) {
    List<FieldMeta> fields = new ArrayList<>();
    for (Column column : columns) {
      FieldMeta field = byColumn.get(column.getName().toLowerCase(Locale.ROOT));
      if (field == null) {
        return; // a column of no single field (an embedded or inherited key): the database decides
      }
      fields.add(field);
    }
    if (seen.add(fields.stream().map(FieldMeta::name).sorted().toList())) {
      rules.add(new Rule(List.copyOf(fields)));
    }
  }

  List<Rule> rules() {
    return rules;
  }

  /**
   * The rules that rows other than {@code self} already break with these values. A rule is checked
   * only when all its fields are in the form (as Django does) and none is empty: NULLs never
   * collide.
   *
   * @param values model values by field name (related ids for relations)
   * @param labels the form labels by field name, for the messages
   */
  List<Violation> violations(
      Map<String, Object> values, Optional<Object> self, Function<String, String> labels) {
    List<Violation> found = new ArrayList<>();
    for (Rule rule : rules) {
      boolean checkable =
          rule.fields().stream()
              .allMatch(
                  field -> values.containsKey(field.name()) && values.get(field.name()) != null);
      if (checkable && taken(rule, values, self)) {
        found.add(new Violation(rule, message(rule, labels)));
      }
    }
    return found;
  }

  private boolean taken(Rule rule, Map<String, Object> values, Optional<Object> self) {
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Long> query = builder.createQuery(Long.class);
          Root<?> root = query.from(meta.model());
          List<Predicate> conditions = new ArrayList<>();
          for (FieldMeta field : rule.fields()) {
            Path<Object> path = root.get(field.name());
            if (field.relation().toOne()) {
              path = path.get(database.meta(field.type()).id().name());
            }
            conditions.add(builder.equal(path, values.get(field.name())));
          }
          self.ifPresent(id -> conditions.add(builder.notEqual(root.get(meta.id().name()), id)));
          query.select(builder.count(root)).where(conditions.toArray(Predicate[]::new));
          return session.createQuery(query).getSingleResult() > 0;
        });
  }

  /** Django's wording: "Writer with this E-mail address already exists." */
  private String message(Rule rule, Function<String, String> labels) {
    List<String> names = rule.fields().stream().map(field -> labels.apply(field.name())).toList();
    String joined =
        names.size() == 1
            ? names.get(0)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    return DerivedField.capitalize(meta.verboseName())
        + " with this "
        + joined
        + " already exists.";
  }
}
