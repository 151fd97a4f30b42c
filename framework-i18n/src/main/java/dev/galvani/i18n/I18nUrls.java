package dev.galvani.i18n;

import static dev.galvani.core.urls.Urls.include;

import dev.galvani.core.i18n.Translator;
import dev.galvani.core.urls.Converter;
import dev.galvani.core.urls.Route;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * URL patterns under a language prefix (Django's {@code i18n_patterns}): {@code /de/polls/} and
 * {@code /fr/polls/} reach the same views, the prefix chooses the language, and {@code reverse}
 * fills in the active language by itself.
 *
 * <pre>{@code
 * rootUrls(() -> List.of(
 *     path("i18n/setlang/", new SetLanguageView(), "set-language"),
 *     I18nUrls.i18nPatterns(PollsUrls.patterns())));
 * }</pre>
 *
 * <p>The {@code language} path converter must be registered, which {@link
 * I18nSettings#install(dev.galvani.core.Settings)} does.
 */
public final class I18nUrls {
  /** The name of the path argument and of its converter. */
  public static final String ARGUMENT = "language";

  private I18nUrls() {}

  /** The routes under a {@code <language>/} prefix. */
  public static Route i18nPatterns(List<Route> routes) {
    return include("<" + ARGUMENT + ":" + ARGUMENT + ">/", routes);
  }

  /** The converter of the offered language codes, whose implicit value is the active language. */
  static Converter converter(Set<String> codes, String defaultLanguage) {
    String regex =
        codes.stream()
            .sorted((a, b) -> b.length() - a.length())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return new Converter() {
      @Override
      public String regex() {
        return "(?:" + regex + ")";
      }

      @Override
      public Object toJava(String segment) {
        return segment;
      }

      @Override
      public Object implicitValue() {
        // outside a request (commands, emails) no language is active: the default one
        return Translator.active()
            .map(Translator::language)
            .filter(codes::contains)
            .orElse(defaultLanguage);
      }

      @Override
      public boolean isImplicit() {
        return true;
      }
    };
  }
}
