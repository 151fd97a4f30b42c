package dev.galvani.core.forms;

import java.util.List;

/**
 * One field of a {@link BoundForm} as a template needs it: name, id, label, the value to draw,
 * widget, choices, errors. Used by {@code templates/galvani/forms.html}; call the methods with
 * parentheses, {@code ${f.label()}}. Not thread-safe, like its form.
 */
public final class BoundField {
  private final BoundForm form;
  private final Field<?> field;

  BoundField(BoundForm form, Field<?> field) {
    this.form = form;
    this.field = field;
  }

  public String name() {
    return field.name();
  }

  /** The HTML id, {@code id_} and the name, as Django's. */
  public String id() {
    return "id_" + field.name();
  }

  public String label() {
    return field.label();
  }

  public String helpText() {
    return field.helpText();
  }

  public boolean hasHelpText() {
    return !field.helpText().isEmpty();
  }

  public boolean required() {
    return field.required();
  }

  /** See {@link Field#widget()}: text, textarea, checkbox, select, number, date, file, ... */
  public String widget() {
    return field.widget();
  }

  public boolean isHidden() {
    return field.widget().equals("hidden");
  }

  /** The choices of a choice field, empty for others. */
  public List<Choice> choices() {
    return field.choices();
  }

  /**
   * The text to put in the widget: what was submitted for a bound form (never a password), the
   * initial value for an unbound one, "" otherwise.
   */
  public String value() {
    List<String> values = values();
    return values.isEmpty() ? "" : values.get(0);
  }

  /** Every value to draw: the selected options of a multiple choice field. */
  public List<String> values() {
    if (!field.redisplays()) {
      return List.of();
    }
    if (form.isBound()) {
      return form.submitted(field).values();
    }
    return initialDisplay(field);
  }

  private static <T> List<String> initialDisplay(Field<T> field) {
    return field.initial().map(field::display).orElse(List.of());
  }

  /** Whether a checkbox is drawn checked. */
  public boolean checked() {
    return form.isBound()
        ? CheckboxField.isChecked(form.submitted(field).values())
        : field.initial().map(Boolean.TRUE::equals).orElse(false);
  }

  /** Whether this option of a choice field is drawn selected. */
  public boolean isSelected(String choiceValue) {
    return values().contains(choiceValue);
  }

  /** The field's errors; empty for an unbound form. */
  public List<String> errors() {
    return form.errors(field.name());
  }

  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /** The {@code maxlength} of a text field, or 0 for none (the template leaves it out). */
  public int maxLength() {
    return field instanceof TextField text ? text.maxLength().orElse(0) : 0;
  }

  /** The {@code step} of a number input: "any" for decimals, "" for whole numbers and others. */
  public String step() {
    return field instanceof DecimalField ? "any" : "";
  }

  @Override
  public String toString() {
    return "BoundField(" + field.name() + ")";
  }
}
