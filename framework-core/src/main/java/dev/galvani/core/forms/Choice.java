package dev.galvani.core.forms;

import java.util.Objects;

/** One option of a choice field: the submitted value and the label the user reads. */
public record Choice(String value, String label) {
  public Choice {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(label, "label");
  }

  public static Choice of(String value, String label) {
    return new Choice(value, label);
  }
}
