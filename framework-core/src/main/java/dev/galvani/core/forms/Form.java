package dev.galvani.core.forms;

import dev.galvani.core.http.Params;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.UploadedFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A form declaration: its fields in display order and an optional whole-form check. Immutable and
 * thread-safe, so declare it once as a constant and bind it for each request.
 *
 * <pre>{@code
 * static final Field<String> EMAIL = Fields.email("email");
 * static final Field<Integer> AGE = Fields.integer("age").min(0);
 * static final Form SIGNUP = Form.of(EMAIL, AGE);
 *
 * BoundForm form = SIGNUP.bind(request);
 * if (form.isValid()) {
 *   save(form.value(EMAIL), form.value(AGE));
 * }
 * }</pre>
 */
public final class Form {
  private final List<Field<?>> fields;
  private final Optional<FormValidator> validator;

  private Form(List<Field<?>> fields, Optional<FormValidator> validator) {
    this.fields = fields;
    this.validator = validator;
  }

  /** A form with these fields, drawn in this order. Field names must be unique. */
  public static Form of(Field<?>... fields) {
    return of(List.of(fields));
  }

  public static Form of(List<Field<?>> fields) {
    Set<String> names = new HashSet<>();
    for (Field<?> field : fields) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException(
            "Two fields are named '" + field.name() + "'; give each field of a form its own name");
      }
    }
    return new Form(List.copyOf(fields), Optional.empty());
  }

  /**
   * The same form with a whole-form check, run once every field is valid (Django's {@code clean}).
   */
  public Form validator(FormValidator validator) {
    return new Form(fields, Optional.of(Objects.requireNonNull(validator, "validator")));
  }

  public List<Field<?>> fields() {
    return fields;
  }

  /** Whether a file field makes the form need {@code enctype="multipart/form-data"}. */
  public boolean isMultipart() {
    return fields.stream().anyMatch(Field::needsMultipart);
  }

  /** An unbound form: shows the fields' initial values and no errors; never valid. */
  public BoundForm unbound() {
    return new BoundForm(this, Optional.empty(), Map.of());
  }

  /**
   * Binds the request's data and validates it: the query parameters for GET and HEAD, the form body
   * and uploaded files for other methods.
   */
  public BoundForm bind(Request request) {
    boolean readsQuery = request.method().equals("GET") || request.method().equals("HEAD");
    return readsQuery ? bind(request.query(), Map.of()) : bind(request.form(), request.files());
  }

  /** Binds these values and files and validates them. */
  public BoundForm bind(Params data, Map<String, List<UploadedFile>> files) {
    BoundForm bound = new BoundForm(this, Optional.of(data), files);
    bound.validate(validator);
    return bound;
  }

  Field<?> field(String name) {
    for (Field<?> field : fields) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    List<String> names = new ArrayList<>();
    fields.forEach(field -> names.add(field.name()));
    throw new IllegalArgumentException("The form has no field '" + name + "'; it has " + names);
  }
}
