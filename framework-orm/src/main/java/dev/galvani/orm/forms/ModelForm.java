package dev.galvani.orm.forms;

import dev.galvani.core.forms.BoundForm;
import dev.galvani.core.forms.Choice;
import dev.galvani.core.forms.Field;
import dev.galvani.core.forms.Form;
import dev.galvani.core.forms.FormValidator;
import dev.galvani.core.http.Params;
import dev.galvani.core.http.Request;
import dev.galvani.orm.Database;
import dev.galvani.orm.FieldMeta;
import dev.galvani.orm.ModelMeta;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;

/**
 * A form derived from an entity, Django's {@code ModelForm}: one field per editable entity field,
 * with the type, length, choices, required flag, label and help text the entity declares, checks
 * for unique columns and unique constraints, and {@link BoundModelForm#save()} to write the entity.
 * Immutable and thread-safe: declare it once and bind it per request; each bind reads the current
 * rows for relation choices.
 *
 * <pre>{@code
 * static final ModelForm<Book> BOOK_FORM =
 *     ModelForm.of(db, Book.class).fields("title", "author", "genre", "pages");
 *
 * BoundModelForm<Book> form = BOOK_FORM.bind(request);           // or bind(request, book) to edit
 * Optional<Book> saved = form.save();                           // empty while the form has errors
 * }</pre>
 *
 * <p>Field types: text with the column's length (255 when none is given), a textarea for
 * {@code @Lob} and text columns, integer for {@code int}/{@code long}/{@code short}, decimal with
 * the column's precision and scale, a checkbox (never required) for booleans, date/date-time/time,
 * a choice of the constants for enums, a choice of the target rows for to-one relations (value the
 * id, label {@code toString()}) and a multiple choice for many-to-many. Other types (byte arrays,
 * embedded values) must be left out with {@link #exclude}.
 */
public final class ModelForm<T> {
  private final Database database;
  private final ModelMeta<T> meta;
  private final Map<String, Optional<DerivedField>> editable;
  private final List<String> selected;
  private final Map<String, DerivedField.Customization> customizations;
  private final Optional<FormValidator> validator;
  private final UniqueRules uniqueRules;

  private ModelForm(
      Database database,
      ModelMeta<T> meta,
      Map<String, Optional<DerivedField>> editable,
      List<String> selected,
      Map<String, DerivedField.Customization> customizations,
      Optional<FormValidator> validator,
      UniqueRules uniqueRules) {
    this.database = database;
    this.meta = meta;
    this.editable = editable;
    this.selected = selected;
    this.customizations = customizations;
    this.validator = validator;
    this.uniqueRules = uniqueRules;
  }

  /** A form with every editable field of {@code model}, in declaration order. */
  public static <T> ModelForm<T> of(Database database, Class<T> model) {
    ModelMeta<T> meta = database.meta(model);
    PersistentClass binding = database.hibernateMetadata().getEntityBinding(model.getName());
    Map<String, Optional<DerivedField>> editable = new LinkedHashMap<>();
    for (FieldMeta field : meta.fields()) {
      if (field.editable() && !isReverseSide(field, database, model)) {
        editable.put(field.name(), DerivedField.of(field, binding));
      }
    }
    return new ModelForm<>(
        database,
        meta,
        Map.copyOf(editable),
        List.copyOf(editable.keySet()),
        Map.of(),
        Optional.empty(),
        UniqueRules.of(database, meta));
  }

  /** The inverse side of a relation ({@code mappedBy}) has no column of its own to edit. */
  private static boolean isReverseSide(FieldMeta field, Database database, Class<?> model) {
    if (field.relation().toOne()) {
      return field.column().isEmpty();
    }
    if (field.relation() == FieldMeta.Relation.MANY_TO_MANY) {
      Collection collection =
          database.hibernateMetadata().getCollectionBinding(model.getName() + "." + field.name());
      return collection != null && collection.isInverse();
    }
    return false;
  }

  /** Only these fields, in this order. Unknown or non-editable names fail naming the choices. */
  public ModelForm<T> fields(String... names) {
    List<String> chosen = new ArrayList<>();
    for (String name : names) {
      requireEditable(name);
      if (chosen.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is listed twice in fields(...)");
      }
      chosen.add(name);
    }
    return withSelected(List.copyOf(chosen));
  }

  /** Every currently selected field but these. */
  public ModelForm<T> exclude(String... names) {
    List<String> left = new ArrayList<>(selected);
    for (String name : names) {
      requireEditable(name);
      left.remove(name);
    }
    return withSelected(List.copyOf(left));
  }

  /** The label shown for a field instead of the one from its verbose name. */
  public ModelForm<T> label(String field, String label) {
    Objects.requireNonNull(label, "label");
    return customize(field, customizations(field).withLabel(label));
  }

  /** Help text shown for a field instead of the one from {@code @Verbose(help = ...)}. */
  public ModelForm<T> helpText(String field, String helpText) {
    Objects.requireNonNull(helpText, "helpText");
    return customize(field, customizations(field).withHelpText(helpText));
  }

  /**
   * Another widget for a text field: {@code text}, {@code textarea}, {@code email}, {@code url},
   * {@code password} or {@code hidden}. Email and url also check the format.
   */
  public ModelForm<T> widget(String field, String widget) {
    Objects.requireNonNull(widget, "widget");
    DerivedField derived = requireDerivable(field);
    if (derived.kind != DerivedField.Kind.TEXT && derived.kind != DerivedField.Kind.TEXTAREA) {
      throw new IllegalArgumentException(
          "Only text fields take another widget; '" + field + "' is " + derived.kind);
    }
    ModelForm<T> changed = customize(field, customizations(field).withWidget(widget));
    derived.formField(changed.customizations(field), List.of(), Optional.empty()); // checks name
    return changed;
  }

  /** A whole-form check run before the unique checks, as {@link Form#validator}. */
  public ModelForm<T> validator(FormValidator validator) {
    return new ModelForm<>(
        database,
        meta,
        editable,
        selected,
        customizations,
        Optional.of(Objects.requireNonNull(validator, "validator")),
        uniqueRules);
  }

  /** The names of the fields the form shows, in order. */
  public List<String> fieldNames() {
    return selected;
  }

  public ModelMeta<T> meta() {
    return meta;
  }

  /** A form for a new entity, showing no values. */
  public BoundModelForm<T> unbound() {
    return new BoundModelForm<>(
        this, build(Optional.empty(), true).form().unbound(), Optional.empty());
  }

  /** A form for editing {@code instance}, showing its values. */
  public BoundModelForm<T> unbound(T instance) {
    Objects.requireNonNull(instance, "instance");
    Form form = build(Optional.of(instance), true).form();
    return new BoundModelForm<>(this, form.unbound(), Optional.of(instance));
  }

  /** The request's data for a new entity, validated. */
  public BoundModelForm<T> bind(Request request) {
    return bound(Optional.empty(), form -> form.bind(request));
  }

  /** The request's data for changes to {@code instance}, validated. */
  public BoundModelForm<T> bind(Request request, T instance) {
    return bound(Optional.of(Objects.requireNonNull(instance, "instance")), f -> f.bind(request));
  }

  /** Submitted values for a new entity, validated (for tests and non-HTTP callers). */
  public BoundModelForm<T> bind(Params data) {
    return bound(Optional.empty(), form -> form.bind(data, Map.of()));
  }

  /** Submitted values for changes to {@code instance}, validated. */
  public BoundModelForm<T> bind(Params data, T instance) {
    return bound(
        Optional.of(Objects.requireNonNull(instance, "instance")),
        form -> form.bind(data, Map.of()));
  }

  private BoundModelForm<T> bound(
      Optional<T> instance, java.util.function.Function<Form, BoundForm> binder) {
    Built built = build(instance, false);
    Optional<Object> self = instance.map(entity -> meta.get(entity, meta.id().name()));
    Form form =
        built
            .form()
            .validator(
                bound -> {
                  validator.ifPresent(check -> check.validate(bound));
                  if (!bound.hasErrors()) {
                    addUniqueErrors(bound, built.fields(), self);
                  }
                });
    return new BoundModelForm<>(this, binder.apply(form), instance);
  }

  /** Adds an error for every unique column or constraint another row already holds. */
  void addUniqueErrors(BoundForm bound, Map<String, Field<?>> fields, Optional<Object> self) {
    Map<String, Object> values = modelValues(bound, fields);
    for (UniqueRules.Violation violation : uniqueRules.violations(values, self, this::labelOf)) {
      if (violation.rule().composite()) {
        bound.addError(violation.message());
      } else {
        bound.addError(fields.get(violation.rule().fields().get(0).name()), violation.message());
      }
    }
  }

  /** The cleaned values as the entity stores them; null for empty ones. */
  Map<String, Object> modelValues(BoundForm bound, Map<String, Field<?>> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : selected) {
      DerivedField derived = derived(name);
      Object cleaned = bound.optionalValue(fields.get(name)).orElse(null);
      values.put(name, derived.toModel(cleaned, targetIdType(derived)).orElse(null));
    }
    return values;
  }

  String labelOf(String field) {
    return customizations(field).label().orElseGet(() -> derived(field).defaultLabel());
  }

  Database database() {
    return database;
  }

  UniqueRules uniqueRules() {
    return uniqueRules;
  }

  DerivedField derived(String name) {
    return editable.get(name).orElseThrow();
  }

  Class<?> targetIdType(DerivedField derived) {
    return derived.meta.isRelation() ? database.meta(derived.meta.type()).id().type() : Void.class;
  }

  /** The core form with its fields by name; relation choices are read from the database now. */
  record Built(Form form, Map<String, Field<?>> fields) {}

  Built build(Optional<T> instance, boolean withInitial) {
    List<String> unsupported =
        selected.stream().filter(name -> editable.get(name).isEmpty()).toList();
    if (!unsupported.isEmpty()) {
      String name = unsupported.get(0);
      throw new IllegalStateException(
          "ModelForm for "
              + meta.name()
              + " cannot show '"
              + name
              + "' ("
              + meta.require(name).type().getSimpleName()
              + "): no form field holds that type; leave it out with exclude(\""
              + name
              + "\") or list the wanted fields with fields(...)");
    }
    return database.session(
        () -> {
          Map<String, Field<?>> fields = new LinkedHashMap<>();
          for (String name : selected) {
            DerivedField derived = derived(name);
            Optional<Object> initial =
                withInitial && instance.isPresent()
                    ? initialValue(derived, instance.get())
                    : Optional.empty();
            fields.put(name, derived.formField(customizations(name), choicesFor(derived), initial));
          }
          return new Built(Form.of(List.copyOf(fields.values())), fields);
        });
  }

  private Optional<Object> initialValue(DerivedField derived, T instance) {
    var util = database.sessionFactory().getPersistenceUnitUtil();
    if (derived.kind == DerivedField.Kind.TO_MANY) {
      Object id = meta.get(instance, meta.id().name());
      if (id != null) {
        // read the ids, so a detached instance with an unloaded collection still shows them
        return Optional.of(relatedIds(derived, id).stream().map(String::valueOf).toList());
      }
    }
    return derived.toForm(meta.get(instance, derived.name()), util::getIdentifier);
  }

  private List<Object> relatedIds(DerivedField derived, Object ownerId) {
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Object> query = builder.createQuery(Object.class);
          Root<T> root = query.from(meta.model());
          Join<T, Object> related = root.join(derived.name());
          query
              .select(related.get(database.meta(derived.meta.type()).id().name()))
              .where(builder.equal(root.get(meta.id().name()), ownerId));
          return session.createQuery(query).getResultList();
        });
  }

  private List<Choice> choicesFor(DerivedField derived) {
    if (!derived.meta.isRelation()) {
      return List.of();
    }
    Class<?> target = derived.meta.type();
    String idName = database.meta(target).id().name();
    return database.withSession(
        session -> {
          CriteriaBuilder builder = session.getCriteriaBuilder();
          CriteriaQuery<Object> query = builder.createQuery(Object.class);
          Root<?> root = query.from(target);
          query.select(root).orderBy(builder.asc(root.get(idName)));
          List<Choice> choices = new ArrayList<>();
          for (Object row : session.createQuery(query).getResultList()) {
            choices.add(
                Choice.of(String.valueOf(database.meta(target).get(row, idName)), row.toString()));
          }
          return choices;
        });
  }

  private DerivedField.Customization customizations(String field) {
    return customizations.getOrDefault(field, DerivedField.Customization.NONE);
  }

  private ModelForm<T> customize(String field, DerivedField.Customization customization) {
    requireDerivable(field);
    Map<String, DerivedField.Customization> changed = new LinkedHashMap<>(customizations);
    changed.put(field, customization);
    return new ModelForm<>(
        database, meta, editable, selected, Map.copyOf(changed), validator, uniqueRules);
  }

  private ModelForm<T> withSelected(List<String> names) {
    return new ModelForm<>(database, meta, editable, names, customizations, validator, uniqueRules);
  }

  private void requireEditable(String name) {
    if (!editable.containsKey(name)) {
      String why =
          meta.field(name).isPresent()
              ? "'" + name + "' of " + meta.name() + " is not editable in a form"
              : meta.name() + " has no field '" + name + "'";
      throw new IllegalArgumentException(
          why + "; choices are: " + String.join(", ", editableNamesInOrder()));
    }
  }

  private DerivedField requireDerivable(String name) {
    requireEditable(name);
    return editable
        .get(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + name + "' has a type no form field holds; leave it out with exclude"));
  }

  private List<String> editableNamesInOrder() {
    return meta.fields().stream().map(FieldMeta::name).filter(editable::containsKey).toList();
  }

  @Override
  public String toString() {
    return "ModelForm(" + meta.name() + ": " + String.join(", ", selected) + ")";
  }
}
