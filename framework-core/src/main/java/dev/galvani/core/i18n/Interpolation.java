package dev.galvani.core.i18n;

import java.util.HashMap;
import java.util.Map;

/**
 * Named placeholders in translated text: {@code {name}} is replaced by the value of {@code name};
 * {@code {{} and {@code }}} stand for braces. Translators may reorder placeholders freely; a
 * placeholder with no value is an error naming it, so a wrong translation is found in a test, not
 * shown to a visitor as a half-filled sentence.
 */
public final class Interpolation {
  private Interpolation() {}

  /**
   * The text with its placeholders filled.
   *
   * @throws IllegalArgumentException naming a placeholder without a value, or a brace left open
   */
  public static String format(String text, Map<String, ?> values) {
    if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException(
              "The text '" + text + "' opens a placeholder at " + i + " and never closes it");
        }
        String name = text.substring(i + 1, end).trim();
        if (!values.containsKey(name)) {
          throw new IllegalArgumentException(
              "The text '"
                  + text
                  + "' has the placeholder {"
                  + name
                  + "}, but the values are "
                  + values.keySet());
        }
        out.append(values.get(name));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * A translation with its placeholders filled; when they do not fit the values (a catalog's
   * mistake, not the caller's), a warning names the language and the English text is used.
   *
   * @throws IllegalArgumentException when even the English text does not fit (the caller's mistake)
   */
  public static String formatTranslated(
      String translated, String english, Map<String, ?> values, String language) {
    try {
      return format(translated, values);
    } catch (IllegalArgumentException e) {
      if (translated.equals(english)) {
        throw e;
      }
      org.slf4j.LoggerFactory.getLogger("galvani.i18n")
          .warn(
              "The {} translation of '{}' does not fit its values: {}",
              language,
              english,
              e.getMessage());
      return format(english, values);
    }
  }

  /** The values with {@code n} added, unless they already name it. */
  public static Map<String, ?> withN(Map<String, ?> values, long n) {
    if (values.containsKey("n")) {
      return values;
    }
    Map<String, Object> all = new HashMap<>(values);
    all.put("n", n);
    return all;
  }
}
