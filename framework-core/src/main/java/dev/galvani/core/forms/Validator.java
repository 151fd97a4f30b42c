package dev.galvani.core.forms;

import java.util.Optional;

/**
 * A check on a field's converted value: returns an error message, or empty when the value is fine;
 * may also throw {@link ValidationError}. Runs only on non-empty values, after the field's own
 * checks.
 *
 * <pre>{@code
 * Validator<String> noSpaces =
 *     value -> value.contains(" ") ? Optional.of("No spaces, please.") : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface Validator<T> {
  Optional<String> validate(T value);
}
