package dev.galvani.i18n;

import dev.galvani.core.i18n.Translator;
import java.util.Map;

/**
 * The translation functions, in the language active on this thread (Django's {@code gettext}
 * family). {@link LocaleMiddleware} activates the request's language for the request; elsewhere
 * (commands, startup) the text comes back untranslated unless a language is {@link #activate}d.
 *
 * <pre>{@code
 * import static dev.galvani.i18n.I18n.gettext;
 * String title = gettext("Latest polls");
 * String votes = ngettext("{n} vote", "{n} votes", count, Map.of());
 * }</pre>
 */
public final class I18n {
  private I18n() {}

  /** The translator active on this thread (core's {@link Translator#current()}). */
  public static Translator current() {
    return Translator.current();
  }

  /** The active language's code. */
  public static String language() {
    return current().language();
  }

  /**
   * Makes {@code translation} active on this thread until the returned scope closes, which restores
   * the one before: {@code try (var scope = I18n.activate(t)) { ... }}.
   */
  public static Translator.Scope activate(Translator translation) {
    return Translator.activate(translation);
  }

  public static String gettext(String message) {
    return current().gettext(message);
  }

  /** {@link #gettext} with named placeholders: {@code gettext("Hello, {name}", Map.of(...))}. */
  public static String gettext(String message, Map<String, ?> values) {
    return current().gettext(message, values);
  }

  public static String ngettext(String singular, String plural, long n) {
    return current().ngettext(singular, plural, n);
  }

  /** {@link #ngettext} with named placeholders; {@code {n}} is n unless given. */
  public static String ngettext(String singular, String plural, long n, Map<String, ?> values) {
    return current().ngettext(singular, plural, n, values);
  }

  public static String pgettext(String context, String message) {
    return current().pgettext(context, message);
  }

  public static String npgettext(String context, String singular, String plural, long n) {
    return current().npgettext(context, singular, plural, n);
  }

  /**
   * Text translated when it is used, not when it is made: for constants, field labels and messages
   * defined at class-load time (Django's {@code gettext_lazy}).
   */
  public static LazyText gettextLazy(String message) {
    return new LazyText(null, message);
  }

  /** {@link #gettextLazy} with a context. */
  public static LazyText pgettextLazy(String context, String message) {
    return new LazyText(context, message);
  }
}
