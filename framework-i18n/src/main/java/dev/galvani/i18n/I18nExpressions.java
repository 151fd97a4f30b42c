package dev.galvani.i18n;

import dev.galvani.core.http.Request;
import dev.galvani.core.i18n.Interpolation;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * {@code #i18n} in templates: the translation functions with plurals and contexts, the language,
 * and numbers, money, dates and times in the request's language and time zone.
 *
 * <pre>{@code
 * <span th:text="${#i18n.ngettext('{n} vote', '{n} votes', choice.votes)}">3 votes</span>
 * <time th:text="${#i18n.datetime(question.pubDate)}">Jan 5, 2026, 3:04 PM</time>
 * }</pre>
 */
public final class I18nExpressions {
  private final Request request;
  private final Locale locale;

  I18nExpressions(Request request, Locale locale) {
    this.request = request;
    this.locale = locale;
  }

  public String gettext(String message) {
    return I18n.gettext(message);
  }

  public String gettext(String message, Map<String, ?> values) {
    return I18n.gettext(message, values);
  }

  /** The plural form for n, with {@code {n}} filled in. */
  public String ngettext(String singular, String plural, long n) {
    return I18n.ngettext(singular, plural, n, Map.of());
  }

  public String pgettext(String context, String message) {
    return I18n.pgettext(context, message);
  }

  /** The plural form in a context, with {@code {n}} filled in. */
  public String npgettext(String context, String singular, String plural, long n) {
    return Interpolation.format(
        I18n.npgettext(context, singular, plural, n), Interpolation.withN(Map.of(), n));
  }

  /** The request's language code, such as {@code de}. */
  public String getLanguage() {
    return I18n.language();
  }

  /** The offered languages, code to name, for a language menu. */
  public Map<String, String> getLanguages() {
    if (request == null) {
      return Map.of(getLanguage(), getLanguage());
    }
    return I18nApp.translations(request.galvani()).settings().languages();
  }

  /** A number with the language's grouping and decimal separators: 1,234.5 / 1.234,5. */
  public String number(Number value) {
    return NumberFormat.getNumberInstance(locale).format(value);
  }

  /** A number with exactly {@code digits} decimals. */
  public String decimal(Number value, int digits) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value instanceof BigDecimal ? value : value.doubleValue());
  }

  /** An amount of money in a currency ({@code EUR}), written as the language writes it. */
  public String currency(Number amount, String currencyCode) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(currencyCode));
    return format.format(amount);
  }

  /** A date in the language's medium style: Jan 5, 2026 / 05.01.2026 / 5 janv. 2026. */
  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  public String time(LocalTime time) {
    return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(time);
  }

  /**
   * A stored moment in the request's time zone: an {@link Instant} or a {@link ZonedDateTime}; a
   * {@link LocalDateTime} is taken as UTC, as storage is.
   */
  public String datetime(Object value) {
    ZonedDateTime local;
    if (value instanceof Instant instant) {
      local = instant.atZone(zone());
    } else if (value instanceof ZonedDateTime zoned) {
      local = zoned.withZoneSameInstant(zone());
    } else if (value instanceof LocalDateTime utc) {
      local = utc.atZone(ZoneId.of("UTC")).withZoneSameInstant(zone());
    } else {
      throw new IllegalArgumentException(
          "#i18n.datetime takes an Instant, ZonedDateTime or LocalDateTime, not "
              + (value == null ? "null" : value.getClass().getSimpleName()));
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .format(local);
  }

  private ZoneId zone() {
    return request == null ? ZoneId.of("UTC") : TimeZones.of(request);
  }
}
