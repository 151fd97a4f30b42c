package dev.galvani.i18n;

import dev.galvani.core.ImproperlyConfigured;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every offered language's {@link Translation}, loaded once at startup from:
 *
 * <ol>
 *   <li>the settings' locale paths: {@code <path>/<lang>/LC_MESSAGES/*.po};
 *   <li>the classpath: {@code locale/<lang>/LC_MESSAGES/messages.po} of every jar (the project's
 *       own resources come first on the classpath, then the apps' and the framework's);
 *   <li>{@code .properties} bundles, as a second source: {@code locale/messages_<lang>.properties}.
 * </ol>
 *
 * <p>Earlier sources win for the same message. A malformed catalog stops startup with its file and
 * line. Immutable and thread-safe.
 */
public final class Translations {
  /** The catalog file name every jar uses, so all of them are found on the classpath. */
  public static final String DOMAIN = "messages";

  private final I18nSettings settings;
  private final Map<String, Translation> byLanguage;

  private Translations(I18nSettings settings, Map<String, Translation> byLanguage) {
    this.settings = settings;
    this.byLanguage = Map.copyOf(byLanguage);
  }

  /**
   * Loads the catalogs of every offered language.
   *
   * @throws PoFile.PoSyntaxError for a malformed catalog, naming its file and line
   */
  public static Translations load(I18nSettings settings, ClassLoader loader) {
    Map<String, Catalog> byDir = new HashMap<>();
    Map<String, Translation> translations = new HashMap<>();
    for (String code : settings.languages().keySet()) {
      List<Catalog> chain = new ArrayList<>();
      Set<String> dirs = new LinkedHashSet<>();
      dirs.add(Languages.localeDir(code));
      dirs.add(Languages.localeDir(Languages.base(code)));
      // as Django: English and the default language itself fall back to the msgids, which are
      // English, never to another language's catalog
      if (!code.equals(settings.defaultLanguage()) && !Languages.base(code).equals("en")) {
        dirs.add(Languages.localeDir(settings.defaultLanguage()));
        dirs.add(Languages.localeDir(Languages.base(settings.defaultLanguage())));
      }
      for (String dir : dirs) {
        Catalog catalog = byDir.computeIfAbsent(dir, d -> catalogOf(settings, loader, d));
        if (catalog.size() > 0) {
          chain.add(catalog);
        }
      }
      translations.put(code, new Translation(code, chain));
    }
    return new Translations(settings, translations);
  }

  /** The translation of an offered language; the default language's for any other code. */
  public Translation translation(String code) {
    Translation translation = byLanguage.get(Languages.normalize(code));
    return translation != null ? translation : byLanguage.get(settings.defaultLanguage());
  }

  /** The default language's translation. */
  public Translation defaultTranslation() {
    return byLanguage.get(settings.defaultLanguage());
  }

  public I18nSettings settings() {
    return settings;
  }

  private static Catalog catalogOf(I18nSettings settings, ClassLoader loader, String dir) {
    Catalog catalog = Catalog.empty();
    for (Path root : settings.localePaths()) {
      Path folder = root.resolve(dir).resolve("LC_MESSAGES");
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".po")).sorted().toList()) {
            catalog = catalog.orElse(read(Files.readString(file), file.toString()));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    for (URL url : resources(loader, "locale/" + dir + "/LC_MESSAGES/" + DOMAIN + ".po")) {
      try (InputStream in = url.openStream()) {
        catalog =
            catalog.orElse(
                read(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (URL url : resources(loader, "locale/" + DOMAIN + "_" + dir + ".properties")) {
      Properties properties = new Properties();
      try (InputStream in = url.openStream()) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (IllegalArgumentException e) {
        throw new PoFile.PoSyntaxError(url.toString(), 1, e.getMessage());
      }
      catalog = catalog.orElse(Catalog.of(properties));
    }
    return catalog;
  }

  private static Catalog read(String text, String source) {
    return Catalog.of(PoFile.parse(text, source), source);
  }

  private static List<URL> resources(ClassLoader loader, String name) {
    try {
      List<URL> urls = new ArrayList<>();
      Enumeration<URL> found = loader.getResources(name);
      while (found.hasMoreElements()) {
        urls.add(found.nextElement());
      }
      return urls;
    } catch (IOException e) {
      throw new ImproperlyConfigured("Could not list " + name + " on the classpath: " + e);
    }
  }
}
