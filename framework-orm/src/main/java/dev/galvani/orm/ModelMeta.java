package dev.galvani.orm;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * The one metadata API over an entity: its fields with types, columns, relations, choices and human
 * names. Forms, the admin, serializers and the QuerySet's name checks all read it. Immutable and
 * thread-safe; get it from {@link Database#meta}.
 */
public final class ModelMeta<T> {
  private final Class<T> model;
  private final String table;
  private final String verboseName;
  private final String verboseNamePlural;
  private final Map<String, FieldMeta> fields;
  private final FieldMeta id;
  private final Optional<FieldMeta> version;

  private ModelMeta(Class<T> model, String table, Map<String, FieldMeta> fields) {
    this.model = model;
    this.table = table;
    this.fields = Collections.unmodifiableMap(fields);
    Verbose verbose = model.getAnnotation(Verbose.class);
    this.verboseName = verbose != null ? verbose.value() : humanize(model.getSimpleName());
    this.verboseNamePlural =
        verbose != null && !verbose.plural().isEmpty() ? verbose.plural() : verboseName + "s";
    this.id =
        fields.values().stream()
            .filter(FieldMeta::primaryKey)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException(model.getName() + " has no single @Id field"));
    this.version = fields.values().stream().filter(FieldMeta::version).findFirst();
  }

  static <T> ModelMeta<T> of(Database database, Class<T> model) {
    EntityType<T> entity;
    try {
      entity = database.sessionFactory().getMetamodel().entity(model);
    } catch (IllegalArgumentException e) {
      throw new InvalidQuery(
          model.getName()
              + " is not an entity of the database '"
              + database.name()
              + "'; add it to the models() of its app");
    }
    PersistentClass binding = database.hibernateMetadata().getEntityBinding(model.getName());
    Map<String, FieldMeta> fields = new LinkedHashMap<>();
    for (Field field : declaredFieldsInOrder(model)) {
      Attribute<? super T, ?> attribute;
      try {
        attribute = entity.getAttribute(field.getName());
      } catch (IllegalArgumentException notMapped) {
        continue;
      }
      fields.put(field.getName(), describe(attribute, binding, field));
    }
    return new ModelMeta<>(model, binding.getTable().getName(), fields);
  }

  private static List<Field> declaredFieldsInOrder(Class<?> model) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
      hierarchy.add(0, type);
    }
    List<Field> fields = new ArrayList<>();
    hierarchy.forEach(type -> fields.addAll(Arrays.asList(type.getDeclaredFields())));
    return fields;
  }

  private static FieldMeta describe(
      Attribute<?, ?> attribute, PersistentClass binding, Field field) {
    FieldMeta.Relation relation =
        switch (attribute.getPersistentAttributeType()) {
          case MANY_TO_ONE -> FieldMeta.Relation.MANY_TO_ONE;
          case ONE_TO_ONE -> FieldMeta.Relation.ONE_TO_ONE;
          case ONE_TO_MANY -> FieldMeta.Relation.ONE_TO_MANY;
          case MANY_TO_MANY -> FieldMeta.Relation.MANY_TO_MANY;
          default -> FieldMeta.Relation.NONE;
        };
    Class<?> type =
        attribute instanceof PluralAttribute<?, ?, ?> plural
            ? plural.getElementType().getJavaType()
            : attribute.getJavaType();
    boolean primaryKey = attribute instanceof SingularAttribute<?, ?> singular && singular.isId();
    boolean version = attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion();
    String column = "";
    boolean nullable = !primaryKey;
    boolean unique = primaryKey;
    OptionalInt maxLength = OptionalInt.empty();
    Property property = propertyOf(binding, attribute.getName());
    if (property != null && !relation.toMany()) {
      List<Selectable> selectables = property.getSelectables();
      if (selectables.size() == 1 && selectables.get(0) instanceof Column col) {
        column = col.getName();
        nullable = col.isNullable() && property.isOptional();
        unique = unique || col.isUnique();
        if (type == String.class && col.getLength() != null) {
          maxLength = OptionalInt.of(col.getLength().intValue());
        }
      }
    }
    if (primaryKey) {
      nullable = false;
    }
    List<Object> choices = type.isEnum() ? List.of((Object[]) type.getEnumConstants()) : List.of();
    Verbose verbose = field.getAnnotation(Verbose.class);
    String verboseName = verbose != null ? verbose.value() : humanize(attribute.getName());
    String help = verbose != null ? verbose.help() : "";
    return new FieldMeta(
        attribute.getName(),
        type,
        column,
        relation,
        nullable,
        unique,
        maxLength,
        primaryKey,
        version,
        choices,
        verboseName,
        help);
  }

  private static Property propertyOf(PersistentClass binding, String name) {
    if (binding.getIdentifierProperty() != null
        && binding.getIdentifierProperty().getName().equals(name)) {
      return binding.getIdentifierProperty();
    }
    if (binding.getVersion() != null && binding.getVersion().getName().equals(name)) {
      return binding.getVersion();
    }
    try {
      return binding.getRecursiveProperty(name);
    } catch (RuntimeException notFound) {
      return null;
    }
  }

  /** "pubDate" -> "pub date", "URLField" -> "url field". */
  static String humanize(String camel) {
    return camel
        .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
  }

  public Class<T> model() {
    return model;
  }

  /** The entity's name as in queries and messages ({@code Question}). */
  public String name() {
    return model.getSimpleName();
  }

  public String table() {
    return table;
  }

  public String verboseName() {
    return verboseName;
  }

  public String verboseNamePlural() {
    return verboseNamePlural;
  }

  /** All mapped fields in declaration order, the superclass's first. */
  public List<FieldMeta> fields() {
    return List.copyOf(fields.values());
  }

  public Optional<FieldMeta> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The field called {@code name}, or an {@link InvalidQuery} naming the valid choices. */
  public FieldMeta require(String name) {
    FieldMeta field = fields.get(name);
    if (field == null) {
      throw new InvalidQuery(
          "Cannot resolve '"
              + printable(name)
              + "' on "
              + name()
              + "; choices are: "
              + String.join(", ", fields.keySet()));
    }
    return field;
  }

  /** The primary key field. */
  public FieldMeta id() {
    return id;
  }

  public Optional<FieldMeta> versionField() {
    return version;
  }

  /** Reads a field's value from an entity. */
  public Object get(Object entity, String field) {
    try {
      return javaField(field).get(entity);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a field's value into an entity. */
  public void set(Object entity, String field, Object value) {
    try {
      javaField(field).set(entity, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  Object idOf(Object entity) {
    return get(entity, id.name());
  }

  void copyVersion(Object from, Object to) {
    version.ifPresent(field -> set(to, field.name(), get(from, field.name())));
  }

  /** A new instance through the entity's no-argument constructor. */
  public T newInstance() {
    try {
      var constructor = model.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          model.getName() + " needs a no-argument constructor, as every JPA entity does", e);
    }
  }

  private Field javaField(String name) {
    require(name);
    for (Class<?> type = model; type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException next) {
        // look in the superclass
      }
    }
    throw new IllegalStateException("No Java field " + name + " on " + model.getName());
  }

  /** A name from a request, cut short and stripped of control characters for messages. */
  static String printable(String name) {
    String cleaned = name.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 60 ? cleaned.substring(0, 60) + "..." : cleaned;
  }

  @Override
  public String toString() {
    return "ModelMeta(" + name() + ": " + String.join(", ", fields.keySet()) + ")";
  }
}
