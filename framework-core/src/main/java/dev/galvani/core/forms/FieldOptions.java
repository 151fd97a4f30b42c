package dev.galvani.core.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every field has: name, label, help text, initial value, required flag and validators. The
 * label and help text may be lazy text ({@code I18n.gettextLazy}), read when shown.
 */
record FieldOptions<T>(
    String name,
    CharSequence label,
    CharSequence helpText,
    T initial,
    boolean required,
    List<Validator<? super T>> validators) {

  static <T> FieldOptions<T> named(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A form field needs a name, such as \"first_name\"");
    }
    return new FieldOptions<>(name, labelFor(name), "", null, true, List.of());
  }

  /** "first_name" becomes "First name", as Django derives labels. */
  static String labelFor(String name) {
    String words = name.replace('_', ' ').replace('-', ' ').trim();
    if (words.isEmpty()) {
      return name;
    }
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  FieldOptions<T> withLabel(CharSequence label) {
    return new FieldOptions<>(name, label, helpText, initial, required, validators);
  }

  FieldOptions<T> withHelpText(CharSequence helpText) {
    return new FieldOptions<>(name, label, helpText, initial, required, validators);
  }

  FieldOptions<T> withInitial(T initial) {
    return new FieldOptions<>(name, label, helpText, initial, required, validators);
  }

  FieldOptions<T> withRequired(boolean required) {
    return new FieldOptions<>(name, label, helpText, initial, required, validators);
  }

  FieldOptions<T> withValidator(Validator<? super T> validator) {
    List<Validator<? super T>> more = new ArrayList<>(validators);
    more.add(validator);
    return new FieldOptions<>(name, label, helpText, initial, required, List.copyOf(more));
  }
}
