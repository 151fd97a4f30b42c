package dev.galvani.i18n;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Language codes as Django writes them ({@code de}, {@code de-at}, {@code zh-hans}) and the gettext
 * folder names they map to ({@code de}, {@code de_AT}, {@code zh_Hans}).
 */
public final class Languages {
  /** What a language code may look like: letters in dash-separated parts, 2-35 characters. */
  private static final Pattern CODE = Pattern.compile("[a-zA-Z]{2,8}(?:[-_][a-zA-Z0-9]{1,8}){0,3}");

  /** Longer codes are refused before any other work, as Django's LANGUAGE_CODE_MAX_LENGTH. */
  public static final int MAX_CODE_LENGTH = 35;

  private Languages() {}

  /** Whether the text can be a language code at all. */
  public static boolean isValid(String code) {
    return code != null && code.length() <= MAX_CODE_LENGTH && CODE.matcher(code).matches();
  }

  /** The normal form: lower case with dashes ({@code de_AT} -> {@code de-at}). */
  public static String normalize(String code) {
    return code.replace('_', '-').toLowerCase(Locale.ROOT);
  }

  /**
   * The gettext folder of a code: {@code de-at} -> {@code de_AT}, {@code zh-hans} -> {@code
   * zh_Hans}.
   */
  public static String localeDir(String code) {
    String[] parts = normalize(code).split("-");
    StringBuilder dir = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      dir.append('_');
      if (part.length() == 2) {
        dir.append(part.toUpperCase(Locale.ROOT));
      } else {
        dir.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return dir.toString();
  }

  /** The code without its region or script: {@code de-at} -> {@code de}. */
  public static String base(String code) {
    String normal = normalize(code);
    int dash = normal.indexOf('-');
    return dash < 0 ? normal : normal.substring(0, dash);
  }

  /** The Java locale of a code, for formats. */
  public static Locale locale(String code) {
    return Locale.forLanguageTag(normalize(code));
  }
}
