package dev.galvani.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Django-style lookup expression ({@code author__name__icontains}) resolved against the model
 * metadata: the chain of fields it walks, an optional transform ({@code year}) and the lookup.
 * Every name is checked here, before any SQL exists.
 */
final class LookupPath {
  static final List<String> LOOKUPS =
      List.of(
          "exact",
          "iexact",
          "contains",
          "icontains",
          "startswith",
          "istartswith",
          "endswith",
          "iendswith",
          "in",
          "gt",
          "gte",
          "lt",
          "lte",
          "range",
          "isnull");
  static final Set<String> TRANSFORMS = Set.of("year", "month", "day");
  private static final int MAX_LENGTH = 300;

  final String expression;
  final List<FieldMeta> fields;
  final String transform;
  final String lookup;

  private LookupPath(String expression, List<FieldMeta> fields, String transform, String lookup) {
    this.expression = expression;
    this.fields = List.copyOf(fields);
    this.transform = transform;
    this.lookup = lookup;
  }

  FieldMeta last() {
    return fields.get(fields.size() - 1);
  }

  /** The relation prefix of the path, as a join key ({@code author__books}). */
  static String joinKey(List<FieldMeta> fields, int count) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < count; i++) {
      key.append(i == 0 ? "" : "__").append(fields.get(i).name());
    }
    return key.toString();
  }

  /** Resolves a filter expression: fields, then an optional transform and lookup. */
  static LookupPath filter(Database database, ModelMeta<?> model, String expression) {
    return resolve(database, model, expression, true);
  }

  /** Resolves a plain field path for ordering, values and aggregates: no lookups. */
  static LookupPath field(Database database, ModelMeta<?> model, String expression) {
    return resolve(database, model, expression, false);
  }

  private static LookupPath resolve(
      Database database, ModelMeta<?> model, String expression, boolean lookupsAllowed) {
    if (expression.isEmpty() || expression.length() > MAX_LENGTH) {
      throw new InvalidQuery(
          "A field path must have 1 to " + MAX_LENGTH + " characters, not " + expression.length());
    }
    String[] parts = expression.split("__", -1);
    List<FieldMeta> fields = new ArrayList<>();
    ModelMeta<?> current = model;
    String transform = null;
    String lookup = null;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean afterValue = !fields.isEmpty() && !fields.get(fields.size() - 1).isRelation();
      if (current != null && current.field(part).isPresent() && transform == null) {
        if (afterValue) {
          throw unsupported(model, expression, fields, part);
        }
        FieldMeta field = current.field(part).get();
        fields.add(field);
        current = field.isRelation() ? database.meta(field.type()) : null;
        continue;
      }
      if (fields.isEmpty()) {
        model.require(part); // throws, naming the model's fields
      }
      boolean lastPart = i == parts.length - 1;
      if (lookupsAllowed && TRANSFORMS.contains(part) && transform == null && lookup == null) {
        FieldMeta field = fields.get(fields.size() - 1);
        if (!java.time.temporal.Temporal.class.isAssignableFrom(field.type())) {
          throw new InvalidQuery(
              "The '"
                  + part
                  + "' transform needs a date or time field, and '"
                  + field.name()
                  + "' holds "
                  + field.type().getSimpleName());
        }
        transform = part;
        continue;
      }
      if (lookupsAllowed && lastPart && LOOKUPS.contains(part)) {
        lookup = part;
        continue;
      }
      if (current != null && !afterValue && transform == null) {
        current.require(part); // names the fields of the related model
      }
      throw unsupported(model, expression, fields, part);
    }
    // the first part is always a field here: require() threw otherwise
    return new LookupPath(expression, fields, transform, lookup == null ? "exact" : lookup);
  }

  private static InvalidQuery unsupported(
      ModelMeta<?> model, String expression, List<FieldMeta> fields, String part) {
    FieldMeta field = fields.get(fields.size() - 1);
    return new InvalidQuery(
        "Unsupported lookup '"
            + ModelMeta.printable(part)
            + "' for "
            + field.name()
            + " in '"
            + ModelMeta.printable(expression)
            + "' on "
            + model.name()
            + "; choices are: "
            + String.join(", ", LOOKUPS)
            + (java.time.temporal.Temporal.class.isAssignableFrom(field.type())
                ? ", year, month, day"
                : ""));
  }
}
