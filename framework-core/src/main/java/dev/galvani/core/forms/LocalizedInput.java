package dev.galvani.core.forms;

import dev.galvani.core.i18n.Translator;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Localized input in the active language (Django's localized form fields): HTML number and date
 * inputs always send {@code 1234.5} and {@code 2026-01-05}, which every field reads first; a text
 * field typed by a German visitor may send {@code 1.234,5} or {@code 05.01.2026}, which is read
 * here as the language writes it. English and any language without a translator stay as they are.
 */
final class LocalizedInput {
  private LocalizedInput() {}

  private static Locale locale() {
    return Locale.forLanguageTag(Translator.current().language());
  }

  /**
   * The number in plain form ({@code 1234.5}) when {@code text} is written in the active language's
   * way, such as {@code 1.234,5}; empty when it is not.
   */
  static Optional<String> plainNumber(String text) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale());
    char decimal = symbols.getDecimalSeparator();
    char grouping = symbols.getGroupingSeparator();
    if (decimal == '.') {
      // the plain form already; grouping commas (1,234.5) are not accepted, as Django does
      return Optional.empty();
    }
    StringBuilder plain = new StringBuilder(text.length());
    boolean seenDecimal = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == decimal && !seenDecimal) {
        plain.append('.');
        seenDecimal = true;
      } else if (!seenDecimal
          && (c == grouping || c == '\u00a0' || c == '\u202f' || (grouping == '.' && c == '.'))) {
        continue;
      } else {
        plain.append(c);
      }
    }
    return Optional.of(plain.toString());
  }

  /** A date written in the active language's short or medium style ({@code 05.01.2026}). */
  static Optional<LocalDate> date(String text) {
    for (FormatStyle style : new FormatStyle[] {FormatStyle.SHORT, FormatStyle.MEDIUM}) {
      try {
        return Optional.of(
            LocalDate.parse(text, DateTimeFormatter.ofLocalizedDate(style).withLocale(locale())));
      } catch (DateTimeParseException e) {
        // the next style
      }
    }
    return Optional.empty();
  }

  /** A time written in the active language's short style ({@code 15:04}, {@code 3:04 PM}). */
  static Optional<LocalTime> time(String text) {
    try {
      return Optional.of(
          LocalTime.parse(
              text, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
