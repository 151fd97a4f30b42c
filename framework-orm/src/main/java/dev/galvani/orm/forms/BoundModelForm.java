package dev.galvani.orm.forms;

import dev.galvani.core.forms.BoundForm;
import dev.galvani.core.forms.Field;
import dev.galvani.orm.Database;
import dev.galvani.orm.IntegrityError;
import dev.galvani.orm.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * A {@link ModelForm} with the data of one request (or unbound, showing an instance's values). Draw
 * it in templates through {@link #form()}; write the entity with {@link #save()}. Belongs to one
 * request: not thread-safe.
 */
public final class BoundModelForm<T> {
  private final ModelForm<T> declaration;
  private final BoundForm form;
  private final Optional<T> instance;

  BoundModelForm(ModelForm<T> declaration, BoundForm form, Optional<T> instance) {
    this.declaration = declaration;
    this.form = form;
    this.instance = instance;
  }

  /** The core form, for templates ({@code galvani/forms.html}) and for reading errors. */
  public BoundForm form() {
    return form;
  }

  /** The entity being edited; empty for a form that creates one. */
  public Optional<T> instance() {
    return instance;
  }

  public boolean isBound() {
    return form.isBound();
  }

  /** Whether the data is valid, unique checks included. */
  public boolean isValid() {
    return form.isValid();
  }

  /** Every field's errors by field name. */
  public Map<String, List<String>> errors() {
    return form.errors();
  }

  /** Errors about the form as a whole, such as a broken unique constraint over several fields. */
  public List<String> nonFieldErrors() {
    return form.nonFieldErrors();
  }

  /**
   * Copies the cleaned values into the edited instance (or a new one) and saves it in a
   * transaction. Empty when the form has errors, or when another request took a unique value after
   * validation: the database's refusal then becomes the same error a check would have shown.
   *
   * @throws IllegalStateException when the form is unbound
   */
  public Optional<T> save() {
    if (!form.isBound()) {
      throw new IllegalStateException(
          "The form is unbound; bind it to the submitted data with bind(request) before save()");
    }
    if (!form.isValid()) {
      return Optional.empty();
    }
    Map<String, Field<?>> fields = fieldsByName();
    Map<String, Object> values = declaration.modelValues(form, fields);
    Database database = declaration.database();
    try {
      return Optional.of(database.atomic(() -> database.save(write(values))));
    } catch (IntegrityError.UniqueViolation raced) {
      List<String> before = new ArrayList<>(form.nonFieldErrors());
      int errorsBefore = form.errors().size();
      declaration.addUniqueErrors(form, fields, selfId());
      if (form.errors().size() == errorsBefore && form.nonFieldErrors().equals(before)) {
        // the constraint is not one the form checks (its fields are not all in the form)
        form.addError(
            DerivedField.capitalize(declaration.meta().verboseName())
                + " could not be saved: another row already holds one of its unique values.");
      }
      return Optional.empty();
    }
  }

  private Optional<Object> selfId() {
    ModelMeta<T> meta = declaration.meta();
    return instance.map(entity -> meta.get(entity, meta.id().name()));
  }

  private Map<String, Field<?>> fieldsByName() {
    Map<String, Field<?>> fields = new LinkedHashMap<>();
    for (Field<?> field : form.form().fields()) {
      fields.put(field.name(), field);
    }
    return fields;
  }

  /** Sets the values on the entity; runs inside the save transaction, so references resolve. */
  private T write(Map<String, Object> values) {
    ModelMeta<T> meta = declaration.meta();
    T entity = instance.orElseGet(meta::newInstance);
    Database database = declaration.database();
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      DerivedField derived = declaration.derived(entry.getKey());
      Object value = entry.getValue();
      switch (derived.kind) {
        case TO_ONE ->
            meta.set(
                entity,
                derived.name(),
                value == null ? null : reference(database, derived.meta.type(), value));
        case TO_MANY -> meta.set(entity, derived.name(), related(database, derived, entity, value));
        default -> {
          if (value != null || !derived.meta.type().isPrimitive()) {
            meta.set(entity, derived.name(), value);
          }
        }
      }
    }
    return entity;
  }

  private static Object reference(Database database, Class<?> target, Object id) {
    return database.withSession((Session session) -> session.getReference(target, id));
  }

  /**
   * A fresh collection of references: the entity's own may be an unloaded collection of a closed
   * session, which cannot be cleared.
   */
  private java.util.Collection<Object> related(
      Database database, DerivedField derived, T entity, Object ids) {
    boolean list =
        declaredType(entity.getClass(), derived.name()).isAssignableFrom(ArrayList.class);
    java.util.Collection<Object> collection = list ? new ArrayList<>() : new LinkedHashSet<>();
    for (Object id : (List<?>) ids) {
      collection.add(reference(database, derived.meta.type(), id));
    }
    return collection;
  }

  private static Class<?> declaredType(Class<?> type, String name) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      try {
        return current.getDeclaredField(name).getType();
      } catch (NoSuchFieldException next) {
        // declared in a superclass
      }
    }
    throw new IllegalStateException("No Java field " + name + " on " + type.getName());
  }

  @Override
  public String toString() {
    return "BoundModelForm(" + declaration.meta().name() + ", " + form + ")";
  }
}
