package dev.galvani.core.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A date, date-time or time in the ISO formats HTML inputs send: {@code 2026-03-01}, {@code
 * 2026-03-01T14:30} (seconds optional, a space instead of the T accepted) and {@code 14:30}.
 *
 * @param <T> {@link LocalDate}, {@link LocalDateTime} or {@link LocalTime}
 */
public final class TemporalField<T extends Comparable<? super T>>
    extends AbstractField<T, TemporalField<T>> {
  private static final int MAX_TEXT_LENGTH = 40;

  /** How one kind of value is read and named. */
  /**
   * How one kind of value is read and named; the message is made when shown, in the active
   * language. {@code localized} reads the language's own way of writing it, when the ISO form
   * fails.
   */
  record Kind<T>(
      String widget,
      Supplier<String> invalidMessage,
      Function<String, T> parser,
      Function<String, Optional<T>> localized) {}

  static final Kind<LocalDate> DATE =
      new Kind<>("date", Messages::date, LocalDate::parse, LocalizedInput::date);
  static final Kind<LocalDateTime> DATE_TIME =
      new Kind<>(
          "datetime-local",
          Messages::dateTime,
          text ->
              LocalDateTime.parse(
                  text.length() > 10 && text.charAt(10) == ' '
                      ? text.substring(0, 10) + 'T' + text.substring(11)
                      : text),
          text -> Optional.empty());
  static final Kind<LocalTime> TIME =
      new Kind<>("time", Messages::time, LocalTime::parse, LocalizedInput::time);

  private final Kind<T> kind;
  private final T min;
  private final T max;

  TemporalField(FieldOptions<T> options, Kind<T> kind, T min, T max) {
    super(options);
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  static <T extends Comparable<? super T>> TemporalField<T> of(String name, Kind<T> kind) {
    return new TemporalField<>(FieldOptions.named(name), kind, null, null);
  }

  @Override
  TemporalField<T> with(FieldOptions<T> options) {
    return new TemporalField<>(options, kind, min, max);
  }

  /** The earliest value allowed. */
  public TemporalField<T> min(T min) {
    return new TemporalField<>(options, kind, min, max);
  }

  /** The latest value allowed. */
  public TemporalField<T> max(T max) {
    return new TemporalField<>(options, kind, min, max);
  }

  @Override
  public String widget() {
    return kind.widget();
  }

  @Override
  Optional<T> parse(Submitted submitted) {
    Optional<String> text = submitted.firstTrimmed();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().length() > MAX_TEXT_LENGTH) {
      throw new ValidationError(kind.invalidMessage().get());
    }
    try {
      return Optional.of(kind.parser().apply(text.get()));
    } catch (DateTimeParseException e) {
      return Optional.of(
          kind.localized()
              .apply(text.get())
              .orElseThrow(() -> new ValidationError(kind.invalidMessage().get())));
    }
  }

  @Override
  List<String> check(T value) {
    List<String> errors = new ArrayList<>(1);
    if (max != null && value.compareTo(max) > 0) {
      errors.add(Messages.maxValue(max));
    }
    if (min != null && value.compareTo(min) < 0) {
      errors.add(Messages.minValue(min));
    }
    return errors;
  }
}
