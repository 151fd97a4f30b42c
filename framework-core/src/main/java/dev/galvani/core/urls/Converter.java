package dev.galvani.core.urls;

/**
 * Turns a path segment into a Java value and back, like Django's path converters. Register your own
 * with {@code Settings.converter("year", new YearConverter())} and use it as {@code <year:y>}.
 *
 * <pre>{@code
 * final class YearConverter implements Converter {
 *   public String regex() { return "[0-9]{4}"; }
 *   public Object toJava(String segment) { return Integer.valueOf(segment); }
 *   public String toUrl(Object value) { return String.format("%04d", (Integer) value); }
 * }
 * }</pre>
 */
public interface Converter {
  /** The regular expression a segment must match (no capturing groups). */
  String regex();

  /**
   * The Java value of a matched segment; throw {@link IllegalArgumentException} to make the route
   * not match (a 404, never a 500).
   */
  Object toJava(String segment);

  /** The URL text for a value passed to reverse. */
  default String toUrl(Object value) {
    return String.valueOf(value);
  }

  /**
   * The value reverse uses when the caller gives none for this converter's argument, or null when
   * the argument must be given. The i18n URL patterns' language converter answers the active
   * language, so {@code reverse("polls:index")} gives {@code /de/polls/} to a German visitor.
   */
  default Object implicitValue() {
    return null;
  }

  /** Whether reverse may leave this converter's argument out (see {@link #implicitValue}). */
  default boolean isImplicit() {
    return false;
  }
}
