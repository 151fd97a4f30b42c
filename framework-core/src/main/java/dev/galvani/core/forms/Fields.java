package dev.galvani.core.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Creates form fields. Each field is required until {@link AbstractField#optional()}, and labelled
 * from its name until {@link AbstractField#label(String)}.
 *
 * <pre>{@code
 * static final Field<String> NAME = Fields.text("name").maxLength(100);
 * static final Field<Integer> AGE = Fields.integer("age").min(0).optional();
 * }</pre>
 */
public final class Fields {
  private Fields() {}

  /** A one-line text input. */
  public static TextField text(String name) {
    return TextField.of(name, TextField.Kind.TEXT);
  }

  /** Text in a {@code <textarea>}. */
  public static TextField textarea(String name) {
    return TextField.of(name, TextField.Kind.TEXTAREA);
  }

  /** A password input: its value is never drawn back into the page. */
  public static TextField password(String name) {
    return TextField.of(name, TextField.Kind.PASSWORD).strip(false);
  }

  /** A hidden input carrying text. */
  public static TextField hidden(String name) {
    return TextField.of(name, TextField.Kind.HIDDEN);
  }

  /** An e-mail address, at most 254 characters: "Enter a valid email address." otherwise. */
  public static TextField email(String name) {
    return TextField.of(name, TextField.Kind.EMAIL);
  }

  /** An http or https URL: "Enter a valid URL." otherwise. */
  public static TextField url(String name) {
    return TextField.of(name, TextField.Kind.URL);
  }

  /** A whole number as an {@code Integer}. */
  public static IntegerField integer(String name) {
    return IntegerField.of(name);
  }

  /** A decimal number as a {@code BigDecimal}. */
  public static DecimalField decimal(String name) {
    return DecimalField.of(name);
  }

  /** A checkbox as a {@code Boolean}: absent is false, and a required box must be checked. */
  public static CheckboxField checkbox(String name) {
    return CheckboxField.of(name);
  }

  /** One of the choices, as its value. */
  public static ChoiceField choice(String name, List<Choice> choices) {
    return ChoiceField.of(name, choices);
  }

  /** Any of the choices, as the list of their values in the order sent. */
  public static MultipleChoiceField multipleChoice(String name, List<Choice> choices) {
    return MultipleChoiceField.of(name, choices);
  }

  /** A date as {@code yyyy-MM-dd}. */
  public static TemporalField<LocalDate> date(String name) {
    return TemporalField.of(name, TemporalField.DATE);
  }

  /** A date and time as {@code yyyy-MM-ddTHH:mm[:ss]}, the format of datetime-local inputs. */
  public static TemporalField<LocalDateTime> dateTime(String name) {
    return TemporalField.of(name, TemporalField.DATE_TIME);
  }

  /** A time as {@code HH:mm[:ss]}. */
  public static TemporalField<LocalTime> time(String name) {
    return TemporalField.of(name, TemporalField.TIME);
  }

  /** An uploaded file; the form must be sent as {@code multipart/form-data}. */
  public static FileField file(String name) {
    return FileField.of(name);
  }
}
