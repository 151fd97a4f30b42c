package dev.galvani.core.forms;

/**
 * A validation failure with a message for the user, such as {@code "Enter a whole number."}. Throw
 * it from a {@link Validator} or a {@link FormValidator}; the form shows the message and stays
 * invalid.
 */
public class ValidationError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ValidationError(String message) {
    super(message, null, false, false);
  }
}
