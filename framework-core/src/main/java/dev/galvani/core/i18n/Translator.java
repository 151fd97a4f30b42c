package dev.galvani.core.i18n;

import java.util.Map;

/**
 * Core's extension point for translation: the framework's own messages (form errors, error pages)
 * go through the translator active on the current thread. Core alone has none and speaks English;
 * {@code framework-i18n}'s locale middleware activates the request's language for the request.
 *
 * <pre>{@code
 * String message = Translator.current().gettext("This field is required.");
 * }</pre>
 */
public interface Translator {
  /** The language code, such as {@code de}. */
  String language();

  String gettext(String message);

  String pgettext(String context, String message);

  String ngettext(String singular, String plural, long n);

  String npgettext(String context, String singular, String plural, long n);

  /**
   * {@link #gettext} with named placeholders filled: {@code "Hello, {name}"}. A translation whose
   * placeholders do not fit the values (a translator's typo) is logged and the English text used,
   * so a page never fails over a catalog.
   */
  default String gettext(String message, Map<String, ?> values) {
    return Interpolation.formatTranslated(gettext(message), message, values, language());
  }

  /** {@link #ngettext} with named placeholders filled; {@code {n}} is n unless given. */
  default String ngettext(String singular, String plural, long n, Map<String, ?> values) {
    Map<String, ?> all = Interpolation.withN(values, n);
    return Interpolation.formatTranslated(
        ngettext(singular, plural, n), n == 1 ? singular : plural, all, language());
  }

  /**
   * Marks a message for translation without translating it (Django's {@code gettext_noop}): for
   * constants translated later, where they are shown, with {@code gettext(CONSTANT)}. makemessages
   * finds the literal here.
   */
  static String gettextNoop(String message) {
    return message;
  }

  /** English, untranslated: the msgid, and English's plural rule. */
  Translator ENGLISH =
      new Translator() {
        @Override
        public String language() {
          return "en";
        }

        @Override
        public String gettext(String message) {
          return message;
        }

        @Override
        public String pgettext(String context, String message) {
          return message;
        }

        @Override
        public String ngettext(String singular, String plural, long n) {
          return n == 1 ? singular : plural;
        }

        @Override
        public String npgettext(String context, String singular, String plural, long n) {
          return n == 1 ? singular : plural;
        }
      };

  /** The translator active on this thread, if one is (none in commands and startup). */
  static java.util.Optional<Translator> active() {
    return java.util.Optional.ofNullable(Active.CURRENT.get());
  }

  /** The translator active on this thread; English when none is. */
  static Translator current() {
    Translator active = Active.CURRENT.get();
    return active != null ? active : ENGLISH;
  }

  /**
   * Makes {@code translator} active on this thread until the returned scope closes, which restores
   * the one before: {@code try (var scope = Translator.activate(t)) { ... }}.
   */
  static Scope activate(Translator translator) {
    Translator previous = Active.CURRENT.get();
    Active.CURRENT.set(translator);
    return () -> {
      if (previous == null) {
        Active.CURRENT.remove();
      } else {
        Active.CURRENT.set(previous);
      }
    };
  }

  /** Restores the translator that was active before {@link #activate}. */
  @FunctionalInterface
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The holder of the per-thread translator (an interface cannot have a private field). */
  final class Active {
    private static final ThreadLocal<Translator> CURRENT = new ThreadLocal<>();

    private Active() {}
  }
}
