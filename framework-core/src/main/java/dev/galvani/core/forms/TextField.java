package dev.galvani.core.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text value: text, textarea, password, hidden, email and URL fields. The value is stripped of
 * surrounding whitespace unless {@link #strip(boolean) strip(false)}; an optional field left empty
 * gives "".
 */
public final class TextField extends AbstractField<String, TextField> {
  /** What the field holds; decides the widget and the format check. */
  enum Kind {
    TEXT("text"),
    TEXTAREA("textarea"),
    PASSWORD("password"),
    HIDDEN("hidden"),
    EMAIL("email"),
    URL("url");

    final String widget;

    Kind(String widget) {
      this.widget = widget;
    }
  }

  private final Kind kind;
  private final int minLength;
  private final int maxLength;
  private final boolean strip;

  TextField(FieldOptions<String> options, Kind kind, int minLength, int maxLength, boolean strip) {
    super(options);
    this.kind = kind;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.strip = strip;
  }

  static TextField of(String name, Kind kind) {
    int maxLength = kind == Kind.EMAIL ? EmailAddresses.MAX_LENGTH : Integer.MAX_VALUE;
    return new TextField(FieldOptions.named(name), kind, 0, maxLength, true);
  }

  @Override
  TextField with(FieldOptions<String> options) {
    return new TextField(options, kind, minLength, maxLength, strip);
  }

  /** At least this many characters: "Ensure this value has at least 3 characters (it has 2)." */
  public TextField minLength(int minLength) {
    if (minLength < 0) {
      throw new IllegalArgumentException("minLength of '" + name() + "' must be >= 0");
    }
    return new TextField(options, kind, minLength, maxLength, strip);
  }

  /** At most this many characters: "Ensure this value has at most 100 characters (it has 120)." */
  public TextField maxLength(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength of '" + name() + "' must be >= 1");
    }
    return new TextField(options, kind, minLength, maxLength, strip);
  }

  /** Whether surrounding whitespace is removed (default true). */
  public TextField strip(boolean strip) {
    return new TextField(options, kind, minLength, maxLength, strip);
  }

  /** The maximum length, for the widget's {@code maxlength} attribute; empty when unlimited. */
  public Optional<Integer> maxLength() {
    return maxLength == Integer.MAX_VALUE ? Optional.empty() : Optional.of(maxLength);
  }

  @Override
  public String widget() {
    return kind.widget;
  }

  @Override
  Optional<String> parse(Submitted submitted) {
    Optional<String> value = submitted.first().map(text -> strip ? text.strip() : text);
    return value.filter(text -> !text.isEmpty());
  }

  @Override
  Optional<String> emptyValue() {
    return Optional.of("");
  }

  @Override
  List<String> check(String value) {
    List<String> errors = new ArrayList<>(1);
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      errors.add(Messages.maxLength(maxLength, length));
    } else if (length < minLength) {
      errors.add(Messages.minLength(minLength, length));
    }
    if (kind == Kind.EMAIL && length <= maxLength && !EmailAddresses.isValid(value)) {
      errors.add(Messages.email());
    }
    if (kind == Kind.URL && !WebAddresses.isValid(value)) {
      errors.add(Messages.url());
    }
    return errors;
  }

  @Override
  boolean redisplays() {
    return kind != Kind.PASSWORD;
  }
}
