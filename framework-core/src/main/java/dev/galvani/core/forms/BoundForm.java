package dev.galvani.core.forms;

import dev.galvani.core.http.Params;
import dev.galvani.core.http.UploadedFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form with the data of one request, validated, or an unbound form showing initial values. Read
 * typed values with {@link #value}, errors with {@link #errors(Field)} and {@link
 * #nonFieldErrors()}; templates draw it through {@link #fields()} and {@link #field(String)}.
 * Belongs to one request: not thread-safe.
 */
public final class BoundForm {
  private final Form form;
  private final Optional<Params> data;
  private final Map<String, List<UploadedFile>> files;
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, List<String>> errors = new LinkedHashMap<>();
  private final List<String> nonFieldErrors = new ArrayList<>();

  BoundForm(Form form, Optional<Params> data, Map<String, List<UploadedFile>> files) {
    this.form = form;
    this.data = data;
    this.files = files;
  }

  /** Cleans every field, then runs the whole-form check if they are all valid. */
  void validate(Optional<FormValidator> validator) {
    for (Field<?> field : form.fields()) {
      Field.Cleaned<?> cleaned = field.clean(submitted(field));
      cleaned.value().ifPresent(value -> values.put(field.name(), value));
      cleaned.errors().forEach(message -> addError(field, message));
    }
    if (errors.isEmpty() && validator.isPresent()) {
      try {
        validator.get().validate(this);
      } catch (ValidationError e) {
        addError(e.getMessage());
      }
    }
  }

  Field.Submitted submitted(Field<?> field) {
    Params params = data.orElse(Params.empty());
    return new Field.Submitted(
        params.all(field.name()), files.getOrDefault(field.name(), List.of()));
  }

  /** The declaration this form was bound from. */
  public Form form() {
    return form;
  }

  /** Whether the form holds submitted data; an unbound form shows initial values. */
  public boolean isBound() {
    return data.isPresent();
  }

  /** Whether the form is bound and has no errors. */
  public boolean isValid() {
    return isBound() && errors.isEmpty() && nonFieldErrors.isEmpty();
  }

  /** Whether any field, or the form as a whole, has an error. */
  public boolean hasErrors() {
    return !errors.isEmpty() || !nonFieldErrors.isEmpty();
  }

  /**
   * The cleaned value of a valid field. Throws {@link IllegalStateException} when there is none:
   * the form is unbound, the field has errors, or an optional field was left empty (read those with
   * {@link #optionalValue}).
   */
  public <T> T value(Field<T> field) {
    return optionalValue(field)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    !isBound()
                        ? "The form is unbound; bind it with form.bind(request) first"
                        : errors.containsKey(field.name())
                            ? "Field '" + field.name() + "' has errors: " + errors(field)
                            : "Field '"
                                + field.name()
                                + "' was left empty; read it with optionalValue"));
  }

  /** The cleaned value of a field, empty when it has none (left empty, invalid or unbound). */
  public <T> Optional<T> optionalValue(Field<T> field) {
    Field<?> declared = form.field(field.name());
    if (declared != field) {
      throw new IllegalArgumentException(
          "Field '" + field.name() + "' is not the one this form was declared with");
    }
    @SuppressWarnings("unchecked") // stored by this field's own clean
    T value = (T) values.get(field.name());
    return Optional.ofNullable(value);
  }

  /** The errors of one field, in the order found. */
  public List<String> errors(Field<?> field) {
    return errors(field.name());
  }

  List<String> errors(String name) {
    return Collections.unmodifiableList(errors.getOrDefault(name, List.of()));
  }

  /** Every field's errors by field name, fields with errors only. */
  public Map<String, List<String>> errors() {
    return Collections.unmodifiableMap(errors);
  }

  /** Errors about the form as a whole, from the whole-form check. */
  public List<String> nonFieldErrors() {
    return Collections.unmodifiableList(nonFieldErrors);
  }

  /** Whether the whole-form check reported anything; for templates. */
  public boolean hasNonFieldErrors() {
    return !nonFieldErrors.isEmpty();
  }

  /** Adds an error to a field (from a whole-form check); the field loses its cleaned value. */
  public void addError(Field<?> field, String message) {
    form.field(field.name());
    errors
        .computeIfAbsent(field.name(), name -> new ArrayList<>(1))
        .add(Objects.requireNonNull(message));
    values.remove(field.name());
  }

  /** Adds an error about the form as a whole. */
  public void addError(String message) {
    nonFieldErrors.add(Objects.requireNonNull(message));
  }

  /** Every field, ready for a template, in declaration order. */
  public List<BoundField> fields() {
    List<BoundField> bound = new ArrayList<>(form.fields().size());
    for (Field<?> field : form.fields()) {
      bound.add(new BoundField(this, field));
    }
    return bound;
  }

  /** The visible fields, for templates that place hidden ones separately. */
  public List<BoundField> visibleFields() {
    return fields().stream().filter(field -> !field.isHidden()).toList();
  }

  /** The hidden fields. */
  public List<BoundField> hiddenFields() {
    return fields().stream().filter(BoundField::isHidden).toList();
  }

  /** One field by name, for templates: {@code ${form.field('email')}}. */
  public BoundField field(String name) {
    return new BoundField(this, form.field(name));
  }

  /** Whether the page must send the form as {@code multipart/form-data}. */
  public boolean isMultipart() {
    return form.isMultipart();
  }

  @Override
  public String toString() {
    return "BoundForm" + (isBound() ? errors : "(unbound)");
  }
}
