package dev.galvani.core.forms;

import dev.galvani.core.http.UploadedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed form field and the handle to read its value: declare it once, as a constant, with {@link
 * Fields}, and read the converted value from a bound form.
 *
 * <pre>{@code
 * static final Field<Integer> AGE = Fields.integer("age").min(0).max(150);
 * ...
 * int age = form.bind(request).value(AGE);
 * }</pre>
 *
 * <p>Fields are immutable and thread-safe: each option returns a new field.
 *
 * @param <T> the type of the cleaned value
 */
public abstract class Field<T> {
  final FieldOptions<T> options;

  Field(FieldOptions<T> options) {
    this.options = options;
  }

  /** The name the value is submitted under. */
  public String name() {
    return options.name();
  }

  /** The label the user reads: by default from the name, "first_name" gives "First name". */
  public String label() {
    return options.label().toString();
  }

  /** Help text shown with the field; empty for none. */
  public String helpText() {
    return options.helpText().toString();
  }

  /** Whether an empty value is an error ("This field is required."); true unless optional. */
  public boolean required() {
    return options.required();
  }

  /** The value an unbound form shows. */
  public Optional<T> initial() {
    return Optional.ofNullable(options.initial());
  }

  /**
   * The widget the template draws: {@code text}, {@code textarea}, {@code password}, {@code
   * hidden}, {@code email}, {@code url}, {@code number}, {@code checkbox}, {@code select}, {@code
   * select-multiple}, {@code date}, {@code datetime-local}, {@code time} or {@code file}.
   */
  public abstract String widget();

  /** The options of a choice field; empty for others. */
  public List<Choice> choices() {
    return List.of();
  }

  /**
   * Converts what was submitted: empty when the user gave no value, an error for a value of the
   * wrong shape.
   */
  abstract Optional<T> parse(Submitted submitted);

  /** The value of an optional field left empty: "" for text, false for a checkbox. */
  Optional<T> emptyValue() {
    return Optional.empty();
  }

  /** The field's own constraints on a converted value (length, range, digits). */
  List<String> check(T value) {
    return List.of();
  }

  /** How a value is written back into the widget. */
  List<String> display(T value) {
    return List.of(String.valueOf(value));
  }

  /** Whether a submitted value is drawn again after a failed submission (not for passwords). */
  boolean redisplays() {
    return true;
  }

  boolean needsMultipart() {
    return false;
  }

  /** Converts and validates: the cleaned value, or the errors to show. */
  final Cleaned<T> clean(Submitted submitted) {
    Optional<T> parsed;
    try {
      parsed = parse(submitted);
    } catch (ValidationError e) {
      return Cleaned.failed(List.of(e.getMessage()));
    }
    if (parsed.isEmpty()) {
      return required() ? Cleaned.failed(List.of(Messages.required())) : Cleaned.of(emptyValue());
    }
    T value = parsed.get();
    List<String> errors = new ArrayList<>(check(value));
    for (Validator<? super T> validator : options.validators()) {
      try {
        validator.validate(value).ifPresent(errors::add);
      } catch (ValidationError e) {
        errors.add(e.getMessage());
      }
    }
    return errors.isEmpty() ? Cleaned.of(parsed) : Cleaned.failed(errors);
  }

  /** What arrived for one field name: its text values and its uploaded files. */
  record Submitted(List<String> values, List<UploadedFile> files) {
    Optional<String> first() {
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value trimmed, empty when absent or blank. */
    Optional<String> firstTrimmed() {
      return first().map(String::strip).filter(value -> !value.isEmpty());
    }
  }

  /** The outcome of cleaning one field. */
  record Cleaned<T>(Optional<T> value, List<String> errors) {
    static <T> Cleaned<T> of(Optional<T> value) {
      return new Cleaned<>(value, List.of());
    }

    static <T> Cleaned<T> failed(List<String> errors) {
      return new Cleaned<>(Optional.empty(), errors);
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name() + ")";
  }
}
