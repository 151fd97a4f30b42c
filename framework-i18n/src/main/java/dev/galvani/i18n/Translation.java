package dev.galvani.i18n;

import dev.galvani.core.i18n.Translator;
import java.util.List;

/**
 * The messages of one language, with its fallbacks: {@code de-at} looks in the {@code de_AT}
 * catalogs, then {@code de}, then the site's default language, then answers the msgid itself.
 * Immutable and thread-safe.
 */
public final class Translation implements Translator {
  private final String language;
  private final List<Catalog> chain;

  Translation(String language, List<Catalog> chain) {
    this.language = language;
    this.chain = List.copyOf(chain);
  }

  /** A translation with no catalogs: every call answers the msgid (English plural rule). */
  public static Translation identity(String language) {
    return new Translation(language, List.of());
  }

  /** The language code, such as {@code de-at}. */
  @Override
  public String language() {
    return language;
  }

  @Override
  public String gettext(String message) {
    return single(null, message);
  }

  @Override
  public String pgettext(String context, String message) {
    return single(context, message);
  }

  @Override
  public String ngettext(String singular, String plural, long n) {
    return plural(null, singular, plural, n);
  }

  @Override
  public String npgettext(String context, String singular, String plural, long n) {
    return plural(context, singular, plural, n);
  }

  private String single(String context, String message) {
    for (Catalog catalog : chain) {
      Catalog.Message found = catalog.find(context, message);
      if (found != null) {
        return found.forms()[0];
      }
    }
    return message;
  }

  private String plural(String context, String singular, String plural, long n) {
    for (Catalog catalog : chain) {
      Catalog.Message found = catalog.find(context, singular);
      if (found != null) {
        return found.form(n);
      }
    }
    return PluralForms.GERMANIC.index(n) == 0 ? singular : plural;
  }

  @Override
  public String toString() {
    return "Translation(" + language + ")";
  }
}
