package dev.galvani.core.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Any number of values out of a fixed list, drawn as a {@code <select multiple>}. */
public final class MultipleChoiceField extends AbstractField<List<String>, MultipleChoiceField> {
  private final List<Choice> choices;

  MultipleChoiceField(FieldOptions<List<String>> options, List<Choice> choices) {
    super(options);
    this.choices = choices;
  }

  static MultipleChoiceField of(String name, List<Choice> choices) {
    return new MultipleChoiceField(FieldOptions.named(name), List.copyOf(choices));
  }

  @Override
  MultipleChoiceField with(FieldOptions<List<String>> options) {
    return new MultipleChoiceField(options, choices);
  }

  @Override
  public String widget() {
    return "select-multiple";
  }

  @Override
  public List<Choice> choices() {
    return choices;
  }

  @Override
  Optional<List<String>> parse(Submitted submitted) {
    List<String> values = new ArrayList<>();
    for (String value : submitted.values()) {
      if (value.isBlank()) {
        continue;
      }
      if (!ChoiceField.isChoice(choices, value)) {
        throw new ValidationError(Messages.invalidChoice(value));
      }
      if (!values.contains(value)) {
        values.add(value);
      }
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(values));
  }

  @Override
  Optional<List<String>> emptyValue() {
    return Optional.of(List.of());
  }

  @Override
  List<String> display(List<String> value) {
    return value;
  }
}
