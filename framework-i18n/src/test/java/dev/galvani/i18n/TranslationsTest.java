package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogs from the classpath and locale paths: contexts, plurals, fallback, lazy text. */
class TranslationsTest {
  static final I18nSettings SETTINGS =
      I18nSettings.of("en")
          .language("en", "English")
          .language("de", "Deutsch")
          .language("de-at", "Deutsch (Österreich)")
          .language("fr", "Français")
          .language("ru", "Русский");

  private final Translations translations =
      Translations.load(SETTINGS, TranslationsTest.class.getClassLoader());

  @Test
  void gettextPgettextAndNgettext_readTheCatalog() {
    Translation de = translations.translation("de");
    assertEquals("Neueste Umfragen", de.gettext("Latest polls"));
    assertEquals("Mai", de.pgettext("month", "May"));
    assertEquals("Darf", de.pgettext("verb", "May"));
    assertEquals("May", de.gettext("May"), "without a context there is no such message");
    assertEquals("1 Stimme", de.ngettext("{n} vote", "{n} votes", 1, Map.of()));
    assertEquals("3 Stimmen", de.ngettext("{n} vote", "{n} votes", 3, Map.of()));
    assertEquals("Hallo, Ada!", de.gettext("Hello, {name}!", Map.of("name", "Ada")));
    assertEquals("Ein langer Text über zwei Zeilen", de.gettext("A long text over two lines"));
  }

  @Test
  void fuzzyUntranslatedAndObsoleteEntries_areNotUsed() {
    Translation de = translations.translation("de");
    assertEquals("Results", de.gettext("Results"));
    assertEquals("Untranslated", de.gettext("Untranslated"));
    assertEquals("Gone", de.gettext("Gone"));
  }

  @Test
  void aRegionFallsBackToItsLanguage_thenTheDefault_thenTheMsgid() {
    Translation austrian = translations.translation("de-AT");
    assertEquals("de-at", austrian.language());
    assertEquals("Jänner", austrian.gettext("January"));
    assertEquals("Neueste Umfragen", austrian.gettext("Latest polls"), "from de");
    assertEquals("Januar", translations.translation("de").gettext("January"));
    assertEquals("Not translated", austrian.gettext("Not translated"));
    assertEquals("en", translations.translation("xx").language(), "an unknown code: the default");
  }

  @Test
  void withAGermanDefault_englishStillFallsBackToTheMsgids() {
    Translations german =
        Translations.load(
            I18nSettings.of("de").language("de", "Deutsch").language("en", "English"),
            getClass().getClassLoader());
    assertEquals("Latest polls", german.translation("en").gettext("Latest polls"));
    assertEquals("Neueste Umfragen", german.translation("de").gettext("Latest polls"));
  }

  @Test
  void aTranslationWhosePlaceholdersDoNotFit_fallsBackToTheEnglishText(@TempDir Path dir)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("de/LC_MESSAGES"));
    Files.writeString(
        folder.resolve("typo.po"),
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
            + "msgid \"Hello, {name}!\"\nmsgstr \"Hallo, {Name}!\"\n");
    Translation de =
        Translations.load(
                I18nSettings.of("en").language("de", "Deutsch").localePaths(List.of(dir)),
                getClass().getClassLoader())
            .translation("de");
    assertEquals("Hello, Ada!", de.gettext("Hello, {name}!", Map.of("name", "Ada")));
  }

  @Test
  void propertiesBundles_areASecondSource() {
    Translation fr = translations.translation("fr");
    assertEquals("Derniers sondages", fr.gettext("Latest polls"));
    assertEquals("janvier", fr.gettext("January"));
  }

  @Test
  void russianPlurals_useTheCatalogsRule_andUntranslatedPluralsTheEnglishOne() {
    Translation ru = translations.translation("ru");
    assertEquals("1 голос", ru.ngettext("{n} vote", "{n} votes", 1, Map.of()));
    assertEquals("3 голоса", ru.ngettext("{n} vote", "{n} votes", 3, Map.of()));
    assertEquals("5 голосов", ru.ngettext("{n} vote", "{n} votes", 5, Map.of()));
    assertEquals("21 голос", ru.ngettext("{n} vote", "{n} votes", 21, Map.of()));
    assertEquals("apples", ru.ngettext("apple", "apples", 5));
    assertEquals("apple", ru.ngettext("apple", "apples", 1));
  }

  // snippet:lazy
  static final LazyText TITLE = I18n.gettextLazy("Latest polls");

  // end-snippet

  @Test
  void lazyText_isTranslatedWhenUsed_inTheLanguageActiveThen() {
    assertEquals("Latest polls", TITLE.toString());
    try (var scope = I18n.activate(translations.translation("de"))) {
      assertEquals("Neueste Umfragen", TITLE.toString());
      assertEquals("de", I18n.language());
      try (var inner = I18n.activate(translations.translation("fr"))) {
        assertEquals("Derniers sondages", TITLE.toString());
      }
      assertEquals("Neueste Umfragen", String.valueOf(TITLE));
    }
    assertEquals("Latest polls", TITLE.toString(), "restored after the scope");
  }

  @Test
  void interpolation_namesAMissingPlaceholder() {
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                dev.galvani.core.i18n.Interpolation.format(
                    "Hallo, {nmae}!", Map.of("name", "Ada")));
    assertTrue(missing.getMessage().contains("{nmae}"), missing.getMessage());
    assertTrue(missing.getMessage().contains("[name]"), missing.getMessage());
    assertEquals(
        "{literal} 3",
        dev.galvani.core.i18n.Interpolation.format("{{literal}} {n}", Map.of("n", 3)));
  }

  @Test
  void localePaths_comeFirst(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("de/LC_MESSAGES"));
    Files.writeString(
        folder.resolve("project.po"),
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
            + "msgid \"Latest polls\"\nmsgstr \"Unsere neuesten Umfragen\"\n");
    Translations project =
        Translations.load(
            I18nSettings.of("en").language("de", "Deutsch").localePaths(List.of(dir)),
            getClass().getClassLoader());
    assertEquals("Unsere neuesten Umfragen", project.translation("de").gettext("Latest polls"));
    assertEquals("Januar", project.translation("de").gettext("January"), "the app's catalog still");
  }

  @Test
  void aMalformedCatalog_failsWithItsFileAndLine(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("de/LC_MESSAGES"));
    Path broken = folder.resolve("broken.po");
    Files.writeString(broken, "msgid \"one\"\nmsgstr \"eins\"\n\nmsgid \"two\"\nmsgstr \"zwei\n");
    var error =
        assertThrows(
            PoFile.PoSyntaxError.class,
            () ->
                Translations.load(
                    I18nSettings.of("en").language("de", "Deutsch").localePaths(List.of(dir)),
                    getClass().getClassLoader()));
    assertEquals(broken + ":5: a string must be in double quotes: \"zwei", error.getMessage());
  }
}
