package dev.galvani.core.forms;

import java.util.List;
import java.util.Optional;

/**
 * One value out of a fixed list, drawn as a {@code <select>}: anything else is "Select a valid
 * choice. x is not one of the available choices."
 */
public final class ChoiceField extends AbstractField<String, ChoiceField> {
  private final List<Choice> choices;

  ChoiceField(FieldOptions<String> options, List<Choice> choices) {
    super(options);
    this.choices = choices;
  }

  static ChoiceField of(String name, List<Choice> choices) {
    return new ChoiceField(FieldOptions.named(name), List.copyOf(choices));
  }

  @Override
  ChoiceField with(FieldOptions<String> options) {
    return new ChoiceField(options, choices);
  }

  @Override
  public String widget() {
    return "select";
  }

  @Override
  public List<Choice> choices() {
    return choices;
  }

  @Override
  Optional<String> parse(Submitted submitted) {
    Optional<String> value = submitted.first().filter(text -> !text.isBlank());
    if (value.isPresent() && !isChoice(choices, value.get())) {
      throw new ValidationError(Messages.invalidChoice(value.get()));
    }
    return value;
  }

  @Override
  Optional<String> emptyValue() {
    return Optional.of("");
  }

  static boolean isChoice(List<Choice> choices, String value) {
    for (Choice choice : choices) {
      if (choice.value().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
