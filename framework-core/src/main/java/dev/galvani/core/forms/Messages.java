package dev.galvani.core.forms;

import dev.galvani.core.i18n.Translator;
import java.util.Map;

/**
 * The error messages, worded as Django's so users of either read the same thing, and translated
 * into the request's language through {@link Translator#current()} when they are made.
 */
final class Messages {
  private Messages() {}

  private static Translator t() {
    return Translator.current();
  }

  static String required() {
    return t().gettext("This field is required.");
  }

  static String wholeNumber() {
    return t().gettext("Enter a whole number.");
  }

  static String number() {
    return t().gettext("Enter a number.");
  }

  static String email() {
    return t().gettext("Enter a valid email address.");
  }

  static String url() {
    return t().gettext("Enter a valid URL.");
  }

  static String date() {
    return t().gettext("Enter a valid date.");
  }

  static String dateTime() {
    return t().gettext("Enter a valid date/time.");
  }

  static String time() {
    return t().gettext("Enter a valid time.");
  }

  static String emptyFile() {
    return t().gettext("The submitted file is empty.");
  }

  static String noFile() {
    return t().gettext("No file was submitted. Check the encoding type on the form.");
  }

  static String maxLength(int limit, int length) {
    return t().ngettext(
            "Ensure this value has at most {limit} character (it has {length}).",
            "Ensure this value has at most {limit} characters (it has {length}).",
            limit,
            Map.of("limit", limit, "length", length));
  }

  static String minLength(int limit, int length) {
    return t().ngettext(
            "Ensure this value has at least {limit} character (it has {length}).",
            "Ensure this value has at least {limit} characters (it has {length}).",
            limit,
            Map.of("limit", limit, "length", length));
  }

  static String maxValue(Object limit) {
    return t().gettext(
            "Ensure this value is less than or equal to {limit}.", Map.of("limit", limit));
  }

  static String minValue(Object limit) {
    return t().gettext(
            "Ensure this value is greater than or equal to {limit}.", Map.of("limit", limit));
  }

  static String maxDigits(int limit) {
    return t().ngettext(
            "Ensure that there are no more than {limit} digit in total.",
            "Ensure that there are no more than {limit} digits in total.",
            limit,
            Map.of("limit", limit));
  }

  static String maxDecimalPlaces(int limit) {
    return t().ngettext(
            "Ensure that there are no more than {limit} decimal place.",
            "Ensure that there are no more than {limit} decimal places.",
            limit,
            Map.of("limit", limit));
  }

  static String maxWholeDigits(int limit) {
    return t().ngettext(
            "Ensure that there are no more than {limit} digit before the decimal point.",
            "Ensure that there are no more than {limit} digits before the decimal point.",
            limit,
            Map.of("limit", limit));
  }

  static String invalidChoice(String value) {
    return t().gettext(
            "Select a valid choice. {value} is not one of the available choices.",
            Map.of("value", value));
  }

  static String fileTooLarge(long limit, long size) {
    return t().gettext(
            "Ensure this file has at most {limit} bytes (it has {size}).",
            Map.of("limit", limit, "size", size));
  }
}
