package dev.galvani.i18n;

import dev.galvani.core.i18n.Interpolation;
import java.util.Map;
import java.util.Objects;

/**
 * A message translated each time it is turned into text, in the language active then: {@link
 * #toString()}, {@link #charAt} and the rest read it in the active language. Two lazy texts are
 * equal when their message and context are.
 */
public final class LazyText implements CharSequence {
  private final String context;
  private final String message;

  LazyText(String context, String message) {
    this.context = context;
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The untranslated message, which is also its msgid. */
  public String message() {
    return message;
  }

  /** The translation with named placeholders filled, in the active language. */
  public String format(Map<String, ?> values) {
    return Interpolation.format(toString(), values);
  }

  @Override
  public String toString() {
    return context == null ? I18n.gettext(message) : I18n.pgettext(context, message);
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LazyText lazy
        && message.equals(lazy.message)
        && Objects.equals(context, lazy.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(context, message);
  }
}
