package dev.galvani.core.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decimal number as {@link BigDecimal} ("Enter a number." otherwise), with optional bounds and
 * limits on digits, like a database's {@code NUMERIC(maxDigits, decimalPlaces)}.
 */
public final class DecimalField extends AbstractField<BigDecimal, DecimalField> {
  private static final int MAX_TEXT_LENGTH = 100;
  private final BigDecimal min;
  private final BigDecimal max;
  private final int maxDigits;
  private final int decimalPlaces;

  DecimalField(
      FieldOptions<BigDecimal> options,
      BigDecimal min,
      BigDecimal max,
      int maxDigits,
      int decimalPlaces) {
    super(options);
    this.min = min;
    this.max = max;
    this.maxDigits = maxDigits;
    this.decimalPlaces = decimalPlaces;
  }

  static DecimalField of(String name) {
    return new DecimalField(FieldOptions.named(name), null, null, -1, -1);
  }

  @Override
  DecimalField with(FieldOptions<BigDecimal> options) {
    return new DecimalField(options, min, max, maxDigits, decimalPlaces);
  }

  public DecimalField min(BigDecimal min) {
    return new DecimalField(options, min, max, maxDigits, decimalPlaces);
  }

  public DecimalField max(BigDecimal max) {
    return new DecimalField(options, min, max, maxDigits, decimalPlaces);
  }

  /** At most this many digits in total: "Ensure that there are no more than 5 digits in total." */
  public DecimalField maxDigits(int maxDigits) {
    return new DecimalField(options, min, max, maxDigits, decimalPlaces);
  }

  /** At most this many digits after the point. */
  public DecimalField decimalPlaces(int decimalPlaces) {
    return new DecimalField(options, min, max, maxDigits, decimalPlaces);
  }

  @Override
  public String widget() {
    return "number";
  }

  @Override
  Optional<BigDecimal> parse(Submitted submitted) {
    Optional<String> text = submitted.firstTrimmed();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String value = text.get();
    if (value.length() <= MAX_TEXT_LENGTH && !isPlainDecimal(value)) {
      value = LocalizedInput.plainNumber(value).orElse(value);
    }
    if (value.length() > MAX_TEXT_LENGTH || !isPlainDecimal(value)) {
      throw new ValidationError(Messages.number());
    }
    return Optional.of(new BigDecimal(value));
  }

  /** Optional sign, digits, optionally a point and more digits; no exponent, NaN or Infinity. */
  private static boolean isPlainDecimal(String value) {
    int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  @Override
  List<String> check(BigDecimal value) {
    List<String> errors = new ArrayList<>(1);
    if (max != null && value.compareTo(max) > 0) {
      errors.add(Messages.maxValue(max.toPlainString()));
    }
    if (min != null && value.compareTo(min) < 0) {
      errors.add(Messages.minValue(min.toPlainString()));
    }
    // counted as Django counts them: "1.50" has three digits, two of them decimal places
    int scale = value.scale();
    int precision = value.signum() == 0 ? 1 : value.precision();
    int digits = scale < 0 ? precision - scale : Math.max(precision, scale);
    int decimals = Math.max(scale, 0);
    int wholeDigits = digits - decimals;
    if (maxDigits >= 0 && digits > maxDigits) {
      errors.add(Messages.maxDigits(maxDigits));
    } else if (decimalPlaces >= 0 && decimals > decimalPlaces) {
      errors.add(Messages.maxDecimalPlaces(decimalPlaces));
    } else if (maxDigits >= 0 && decimalPlaces >= 0 && wholeDigits > maxDigits - decimalPlaces) {
      errors.add(Messages.maxWholeDigits(maxDigits - decimalPlaces));
    }
    return errors;
  }

  @Override
  List<String> display(BigDecimal value) {
    return List.of(value.toPlainString());
  }
}
