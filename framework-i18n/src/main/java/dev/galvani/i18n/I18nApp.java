package dev.galvani.i18n;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.checks.Check;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.http.Key;
import java.util.List;
import org.thymeleaf.dialect.IDialect;

/**
 * Loads the translations of the offered languages ({@link I18nSettings}) and publishes them, and
 * adds the {@code #i18n} expression object to templates ({@code #{...}} messages are core's,
 * through the active translator). A malformed catalog stops startup with {@code i18n.E001}, naming
 * its file and line.
 */
public final class I18nApp implements App {
  /** Where the site's translations are published. */
  public static final Key<Translations> KEY = Key.of("i18n.translations", Translations.class);

  @Override
  public String name() {
    return "i18n";
  }

  /** The site's settings, English only when none are set. */
  public static I18nSettings settingsOf(dev.galvani.core.Settings settings) {
    return settings.get(I18nSettings.KEY).orElseGet(I18nSettings::defaults);
  }

  /**
   * The site's translations.
   *
   * @throws ImproperlyConfigured when the i18n app is not listed
   */
  public static Translations translations(Galvani galvani) {
    return galvani
        .service(KEY)
        .orElseThrow(
            () ->
                new ImproperlyConfigured(
                    "The site has no translations: list new I18nApp() (framework-i18n) in"
                        + " apps(...)"));
  }

  @Override
  public void ready(Galvani galvani) {
    try {
      galvani.publish(
          KEY, Translations.load(settingsOf(galvani.settings()), I18nApp.class.getClassLoader()));
    } catch (PoFile.PoSyntaxError e) {
      // i18n.E001 reports it
    }
  }

  @Override
  public List<Check> checks() {
    return List.of(
        galvani -> {
          if (galvani.service(KEY).isPresent()) {
            return List.of();
          }
          try {
            Translations.load(settingsOf(galvani.settings()), I18nApp.class.getClassLoader());
            return List.of();
          } catch (PoFile.PoSyntaxError e) {
            return List.of(
                CheckMessage.error(
                    "i18n.E001",
                    "A translation catalog is malformed: " + e.getMessage(),
                    "fix the file at that line (msgfmt --check shows the same), or remove it"));
          }
        });
  }

  @Override
  public List<dev.galvani.core.commands.Command> commands() {
    return List.of(new MakeMessagesCommand());
  }

  @Override
  public List<IDialect> templateDialects() {
    return List.of(new I18nDialect());
  }
}
