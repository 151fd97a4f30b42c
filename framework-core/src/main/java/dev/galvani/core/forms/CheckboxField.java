package dev.galvani.core.forms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A yes/no checkbox. Browsers send nothing for an unchecked box, so an absent value is false; a
 * required checkbox must be checked ("I accept the terms"), so call {@link #optional()} for an
 * ordinary yes/no choice.
 */
public final class CheckboxField extends AbstractField<Boolean, CheckboxField> {
  CheckboxField(FieldOptions<Boolean> options) {
    super(options);
  }

  static CheckboxField of(String name) {
    return new CheckboxField(FieldOptions.named(name));
  }

  @Override
  CheckboxField with(FieldOptions<Boolean> options) {
    return new CheckboxField(options);
  }

  @Override
  public String widget() {
    return "checkbox";
  }

  @Override
  Optional<Boolean> parse(Submitted submitted) {
    return isChecked(submitted.values()) ? Optional.of(true) : Optional.empty();
  }

  /** As Django reads a checkbox: "false", "0" and "off" are unchecked, any other value checked. */
  static boolean isChecked(List<String> values) {
    if (values.isEmpty()) {
      return false;
    }
    String value = values.get(0).strip().toLowerCase(Locale.ROOT);
    return !(value.isEmpty() || value.equals("false") || value.equals("0") || value.equals("off"));
  }

  @Override
  Optional<Boolean> emptyValue() {
    return Optional.of(false);
  }
}
