package dev.galvani.core.forms;

/** The error messages, worded as Django's so users of either read the same thing. */
final class Messages {
  static final String REQUIRED = "This field is required.";
  static final String WHOLE_NUMBER = "Enter a whole number.";
  static final String NUMBER = "Enter a number.";
  static final String EMAIL = "Enter a valid email address.";
  static final String URL = "Enter a valid URL.";
  static final String DATE = "Enter a valid date.";
  static final String DATE_TIME = "Enter a valid date/time.";
  static final String TIME = "Enter a valid time.";
  static final String EMPTY_FILE = "The submitted file is empty.";
  static final String NO_FILE = "No file was submitted. Check the encoding type on the form.";

  private Messages() {}

  static String maxLength(int limit, int length) {
    return "Ensure this value has at most "
        + limit
        + " "
        + plural(limit, "character", "characters")
        + " (it has "
        + length
        + ").";
  }

  static String minLength(int limit, int length) {
    return "Ensure this value has at least "
        + limit
        + " "
        + plural(limit, "character", "characters")
        + " (it has "
        + length
        + ").";
  }

  static String maxValue(Object limit) {
    return "Ensure this value is less than or equal to " + limit + ".";
  }

  static String minValue(Object limit) {
    return "Ensure this value is greater than or equal to " + limit + ".";
  }

  static String maxDigits(int limit) {
    return noMoreThan(limit, "digit", "digits", " in total.");
  }

  static String maxDecimalPlaces(int limit) {
    return noMoreThan(limit, "decimal place", "decimal places", ".");
  }

  static String maxWholeDigits(int limit) {
    return noMoreThan(limit, "digit", "digits", " before the decimal point.");
  }

  private static String noMoreThan(int limit, String one, String many, String end) {
    return "Ensure that there are no more than " + limit + " " + plural(limit, one, many) + end;
  }

  static String invalidChoice(String value) {
    return "Select a valid choice. " + value + " is not one of the available choices.";
  }

  static String fileTooLarge(long limit, long size) {
    return "Ensure this file has at most " + limit + " bytes (it has " + size + ").";
  }

  private static String plural(long count, String one, String many) {
    return count == 1 ? one : many;
  }
}
