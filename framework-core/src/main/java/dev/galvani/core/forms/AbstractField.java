package dev.galvani.core.forms;

import java.util.Objects;

/**
 * The options every field type shares. {@code F} is the concrete field type, so options chain in
 * any order: {@code Fields.integer("age").optional().min(0)}.
 *
 * @param <T> the type of the cleaned value
 * @param <F> the concrete field type
 */
public abstract class AbstractField<T, F extends AbstractField<T, F>> extends Field<T> {
  AbstractField(FieldOptions<T> options) {
    super(options);
  }

  /** The same field with other common options. */
  abstract F with(FieldOptions<T> options);

  /**
   * The label shown to the user instead of the one derived from the name; lazy text ({@code
   * gettextLazy("Your name")}) is translated each time the form is shown.
   */
  public F label(CharSequence label) {
    return with(options.withLabel(Objects.requireNonNull(label, "label")));
  }

  /** Help text shown below the widget; lazy text is translated when shown. */
  public F helpText(CharSequence helpText) {
    return with(options.withHelpText(Objects.requireNonNull(helpText, "helpText")));
  }

  /** The value shown by an unbound form. */
  public F initial(T initial) {
    return with(options.withInitial(Objects.requireNonNull(initial, "initial")));
  }

  /** Allows an empty value: text fields then give "", others no value. */
  public F optional() {
    return with(options.withRequired(false));
  }

  /** Adds a check run on non-empty values after the field's own. */
  public F validator(Validator<? super T> validator) {
    return with(options.withValidator(Objects.requireNonNull(validator, "validator")));
  }
}
