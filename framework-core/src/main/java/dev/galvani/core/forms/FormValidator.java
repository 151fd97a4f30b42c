package dev.galvani.core.forms;

/**
 * The whole-form check, Django's {@code Form.clean}: runs once every field is valid, reads values
 * with {@link BoundForm#value} and reports problems with {@link BoundForm#addError(Field, String)}
 * or {@link BoundForm#addError(String)}. A thrown {@link ValidationError} becomes a non-field
 * error.
 */
@FunctionalInterface
public interface FormValidator {
  void validate(BoundForm form);
}
