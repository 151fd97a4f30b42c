package dev.galvani.i18n;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Key;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The i18n settings, kept in {@code Settings} under {@link #KEY} (Django's LANGUAGE_CODE,
 * LANGUAGES, LOCALE_PATHS, TIME_ZONE and LANGUAGE_COOKIE_NAME). Without them a site speaks English
 * only.
 *
 * <pre>{@code
 * set(I18nSettings.KEY, I18nSettings.of("en").language("en", "English").language("de", "Deutsch"));
 * }</pre>
 */
public final class I18nSettings {
  public static final Key<I18nSettings> KEY = Key.of("i18n.settings", I18nSettings.class);

  private String defaultLanguage;
  private final Map<String, String> languages = new LinkedHashMap<>();
  private List<Path> localePaths = List.of();
  private ZoneId timeZone = ZoneId.of("UTC");
  private String cookieName = "galvani_language";

  private I18nSettings(String defaultLanguage) {
    this.defaultLanguage = Languages.normalize(defaultLanguage);
  }

  /** Settings whose default language is {@code code}; add the others with {@link #language}. */
  public static I18nSettings of(String code) {
    return new I18nSettings(code);
  }

  /** English only. */
  public static I18nSettings defaults() {
    return of("en").language("en", "English");
  }

  /** Offers a language: its code and its name in that language (for a language menu). */
  public I18nSettings language(String code, String name) {
    languages.put(Languages.normalize(code), name);
    return this;
  }

  /** Folders searched for {@code <lang>/LC_MESSAGES/*.po} before the apps' catalogs. */
  public I18nSettings localePaths(List<Path> paths) {
    this.localePaths = List.copyOf(paths);
    return this;
  }

  /** The time zone pages show times in when the request names none (storage is always UTC). */
  public I18nSettings timeZone(ZoneId zone) {
    this.timeZone = zone;
    return this;
  }

  /** The cookie the set-language view writes and the locale middleware reads. */
  public I18nSettings cookieName(String name) {
    this.cookieName = name;
    return this;
  }

  /**
   * Puts these settings in {@code settings} and registers the {@code language} path converter that
   * {@link I18nUrls#i18nPatterns} uses.
   */
  public I18nSettings install(Settings settings) {
    settings.set(KEY, this);
    settings.converter(
        I18nUrls.ARGUMENT, I18nUrls.converter(languages().keySet(), defaultLanguage));
    return this;
  }

  public String defaultLanguage() {
    return defaultLanguage;
  }

  /** The offered languages, code to name, in order; the default one is always among them. */
  public Map<String, String> languages() {
    Map<String, String> all = new LinkedHashMap<>();
    if (!languages.containsKey(defaultLanguage)) {
      all.put(defaultLanguage, defaultLanguage);
    }
    all.putAll(languages);
    return Collections.unmodifiableMap(all);
  }

  public List<Path> localePaths() {
    return localePaths;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  public String cookieName() {
    return cookieName;
  }

  @Override
  public String toString() {
    return "I18nSettings(default " + defaultLanguage + ", " + languages().keySet() + ")";
  }
}
