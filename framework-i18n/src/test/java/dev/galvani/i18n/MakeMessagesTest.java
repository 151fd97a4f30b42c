package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** makemessages -> translate -> load and use, then change the sources and merge again. */
class MakeMessagesTest {
  private static final String VIEWS =
      """
      package demo;

      import static dev.galvani.i18n.I18n.*;

      class Views {
        // Translators: the title of the poll list
        String title = gettext("Latest polls");
        String votes = ngettext("{n} vote", "{n} votes", 3, java.util.Map.of());
        String month = pgettext("month", "May");
        String dynamic = gettext(title);
        Object lazy = gettextLazy("Results for " + "{question}");
      }
      """;

  private static final String PAGE =
      """
      <h1 th:text="#{'Latest polls'}">Latest polls</h1>
      <button th:text="#{'Vote'}">Vote</button>
      <p th:text="${#i18n.ngettext('{n} choice', '{n} choices', count)}">2 choices</p>
      """;

  private static Path write(Path root, String file, String text) throws Exception {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    return path;
  }

  private static List<Path> sources(Path root) {
    return List.of(root.resolve("src/main/java"), root.resolve("src/main/resources/templates"));
  }

  @Test
  void extractTranslateUse_thenChangeTheSourcesAndMergeAgain(@TempDir Path root) throws Exception {
    GnuGettext.require();
    write(root, "src/main/java/demo/Views.java", VIEWS);
    write(root, "src/main/resources/templates/demo/page.html", PAGE);
    Path locale = root.resolve("locale");

    List<Path> files = MakeMessages.run(sources(root), root, locale, List.of("de", "ru"));

    Path de = locale.resolve("de/LC_MESSAGES/messages.po");
    assertEquals(List.of(de, locale.resolve("ru/LC_MESSAGES/messages.po")), files);
    GnuGettext.check(de, root.resolve("de.mo"));
    GnuGettext.check(files.get(1), root.resolve("ru.mo"));
    String text = Files.readString(de);
    assertTrue(text.contains("#. Translators: the title of the poll list\n"), text);
    assertTrue(
        text.contains(
            "#: src/main/java/demo/Views.java:7 src/main/resources/templates/demo/page.html:1\n"
                + "msgid \"Latest polls\""),
        text);
    assertTrue(
        text.contains("#, python-brace-format\nmsgid \"{n} vote\"\nmsgid_plural \"{n} votes\""),
        text);
    assertTrue(text.contains("msgctxt \"month\"\nmsgid \"May\""), text);
    assertTrue(text.contains("msgid \"Results for {question}\""), "literals joined: " + text);
    assertFalse(text.contains("msgid \"title\""), "a variable is not a message");
    assertTrue(Files.readString(files.get(1)).contains("msgstr[2] \"\""), "Russian has 3 forms");

    // a translator fills in the German catalog
    Map<String, List<String>> german =
        Map.of(
            "Latest polls", List.of("Neueste Umfragen"),
            "{n} vote", List.of("{n} Stimme", "{n} Stimmen"),
            "May", List.of("Mai"),
            "Vote", List.of("Abstimmen"),
            "{n} choice", List.of("{n} Antwort", "{n} Antworten"),
            "Results for {question}", List.of("Ergebnisse für {question}"));
    List<PoFile.Entry> translated = new ArrayList<>();
    for (PoFile.Entry entry : PoFile.parse(text, de.toString()).entries()) {
      List<String> comments = entry.id().equals("Vote") ? List.of("keep it short") : List.of();
      translated.add(
          new PoFile.Entry(
              entry.isHeader() ? entry.translatorComments() : comments,
              entry.extractedComments(),
              entry.references(),
              entry.flags(),
              entry.context(),
              entry.id(),
              entry.idPlural(),
              entry.isHeader() ? entry.strings() : german.get(entry.id()),
              false,
              0));
    }
    Files.writeString(de, new PoFile(translated).write());
    GnuGettext.check(de, root.resolve("de.mo"));

    Translation translation =
        Translations.load(
                I18nSettings.of("en").language("de", "Deutsch").localePaths(List.of(locale)),
                getClass().getClassLoader())
            .translation("de");
    assertEquals("Neueste Umfragen", translation.gettext("Latest polls"));
    assertEquals("3 Stimmen", translation.ngettext("{n} vote", "{n} votes", 3, Map.of()));
    assertEquals("Mai", translation.pgettext("month", "May"));
    assertEquals(
        "Ergebnisse für Q1",
        translation.gettext("Results for {question}", Map.of("question", "Q1")));

    // the sources change: a reworded title, the month gone
    write(
        root,
        "src/main/java/demo/Views.java",
        VIEWS
            .replace("gettext(\"Latest polls\")", "gettext(\"Latest polls:\")")
            .replace("String month = pgettext(\"month\", \"May\");", ""));
    write(
        root,
        "src/main/resources/templates/demo/page.html",
        PAGE.replace("#{'Latest polls'}", "#{'Latest polls:'}"));
    MakeMessages.run(sources(root), root, locale, List.of("de"));
    String merged = Files.readString(de);
    GnuGettext.check(de, root.resolve("de.mo"));
    assertTrue(
        merged.contains("#, fuzzy\nmsgid \"Latest polls:\"\nmsgstr \"Neueste Umfragen\""), merged);
    assertTrue(merged.contains("# keep it short\n"), "translator comments stay: " + merged);
    assertTrue(
        merged.contains("#~ msgctxt \"month\"\n#~ msgid \"May\"\n#~ msgstr \"Mai\""), merged);
    Translation after =
        Translations.load(
                I18nSettings.of("en").language("de", "Deutsch").localePaths(List.of(locale)),
                getClass().getClassLoader())
            .translation("de");
    assertEquals("Latest polls:", after.gettext("Latest polls:"), "fuzzy is not used");
    assertEquals("Abstimmen", after.gettext("Vote"));

    // a third run, before any translator looked: the guess is still marked as one
    MakeMessages.run(sources(root), root, locale, List.of("de"));
    assertTrue(
        Files.readString(de)
            .contains("#, fuzzy\nmsgid \"Latest polls:\"\nmsgstr \"Neueste Umfragen\""),
        Files.readString(de));
  }

  @Test
  void extraction_skipsEmptyMessagesAndTextBlocks_andReadsJavaEscapes() {
    List<MessageExtractor.Message> found =
        MessageExtractor.fromJava(
            "gettext(\"\"); gettext(\"\"\"\n  block\"\"\"); gettext(\"tab\\there\\s\\101\");",
            "A.java");
    assertEquals(1, found.size(), found.toString());
    assertEquals("tab\there A", found.get(0).id());
  }

  @Test
  void theCommand_namesWhatIsWrongWithItsArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Galvani.execute(
            I18nSite.settings(),
            List.of("makemessages"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("name the languages with -l CODE"));
    err.reset();
    status =
        Galvani.execute(
            I18nSite.settings(),
            List.of("makemessages", "-l", "de;rm -rf"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a language code"));
  }
}
