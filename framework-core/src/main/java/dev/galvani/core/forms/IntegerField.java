package dev.galvani.core.forms;

import java.math.BigInteger;
import java.util.Optional;

/** A whole number ("Enter a whole number." otherwise), optionally within bounds. */
public final class IntegerField extends AbstractField<Integer, IntegerField> {
  private static final int MAX_TEXT_LENGTH = 50;
  private final long min;
  private final long max;

  IntegerField(FieldOptions<Integer> options, long min, long max) {
    super(options);
    this.min = min;
    this.max = max;
  }

  static IntegerField of(String name) {
    return new IntegerField(FieldOptions.named(name), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  IntegerField with(FieldOptions<Integer> options) {
    return new IntegerField(options, min, max);
  }

  /** "Ensure this value is greater than or equal to 0." below it. */
  public IntegerField min(int min) {
    return new IntegerField(options, min, max);
  }

  /** "Ensure this value is less than or equal to 150." above it. */
  public IntegerField max(int max) {
    return new IntegerField(options, min, max);
  }

  @Override
  public String widget() {
    return "number";
  }

  @Override
  Optional<Integer> parse(Submitted submitted) {
    Optional<String> text = submitted.firstTrimmed();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.length() <= MAX_TEXT_LENGTH
        && !value.chars().allMatch(c -> c == '-' || c == '+' || Character.isDigit(c))) {
      value = LocalizedInput.plainNumber(value).filter(plain -> !plain.contains(".")).orElse(value);
    }
    String digits = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
    if (digits.isEmpty() || value.length() > MAX_TEXT_LENGTH || !Hostnames.allDigits(digits)) {
      throw new ValidationError(Messages.wholeNumber());
    }
    // the bounds are checked here, on the exact number, so a huge one is not mistaken for a typo
    BigInteger number = new BigInteger(value);
    if (number.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new ValidationError(Messages.maxValue(max));
    }
    if (number.compareTo(BigInteger.valueOf(min)) < 0) {
      throw new ValidationError(Messages.minValue(min));
    }
    return Optional.of(number.intValueExact());
  }
}
