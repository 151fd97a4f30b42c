package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing .po files, with errors that name file and line. */
class PoFileTest {
  private static String error(String text) {
    return assertThrows(
            PoFile.PoSyntaxError.class, () -> Catalog.of(PoFile.parse(text, "x.po"), "x.po"))
        .getMessage();
  }

  @Test
  void entriesKeepCommentsFlagsContextsAndEscapes() {
    PoFile file =
        PoFile.parse(
            "# translator note\n#. extracted note\n#: a.java:1 b.html:2\n#, fuzzy, python-brace-format\n"
                + "msgctxt \"menu\"\nmsgid \"Say \\\"hi\\\"\\n\"\nmsgstr \"Sag \\\"hallo\\\"\\n\"\n",
            "x.po");
    PoFile.Entry entry = file.entries().get(0);
    assertEquals(List.of("translator note"), entry.translatorComments());
    assertEquals(List.of("extracted note"), entry.extractedComments());
    assertEquals(List.of("a.java:1", "b.html:2"), entry.references());
    assertEquals(List.of("fuzzy", "python-brace-format"), entry.flags());
    assertEquals("menu", entry.context());
    assertEquals("Say \"hi\"\n", entry.id());
    assertEquals("Sag \"hallo\"\n", entry.strings().get(0));
    assertEquals(
        file.withoutLines(),
        PoFile.parse(file.write(), "again.po").withoutLines(),
        "write, then read");
  }

  @Test
  void gnuVariants_areRead_previousMsgidsNoBlankLinesLoneCommentsAndHexEscapes() {
    PoFile file =
        PoFile.parse(
            "# Copyright notes\n\n#, fuzzy\n#| msgid \"Old\"\nmsgid \"New\"\nmsgstr \"Neu\"\n"
                + "msgid \"Next\"\nmsgstr \"Kl\\xe4r\"\n\n#~| msgid \"Older\"\n"
                + "#~ msgid \"Gone\"\n#~ msgstr \"Weg\"\n\n# trailing notes\n",
            "x.po");
    assertEquals(3, file.entries().size(), file.toString());
    assertEquals("New", file.entries().get(0).id());
    assertTrue(file.entries().get(0).isFuzzy());
    assertEquals("Klär", file.entries().get(1).strings().get(0));
    assertTrue(file.entries().get(2).obsolete());
  }

  @Test
  void catalogsOfDifferentPluralRules_eachKeepTheirOwn() {
    String header = "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=%d; plural=%s;\\n\"\n\n";
    Catalog project =
        Catalog.of(
            PoFile.parse(
                String.format(header, 1, "0")
                    + "msgid \"apple\"\nmsgid_plural \"apples\"\nmsgstr[0] \"ringo\"\n",
                "project.po"),
            "project.po");
    Catalog app =
        Catalog.of(
            PoFile.parse(
                String.format(header, 2, "(n != 1)")
                    + "msgid \"pear\"\nmsgid_plural \"pears\"\nmsgstr[0] \"one pear\"\n"
                    + "msgstr[1] \"pears\"\n",
                "app.po"),
            "app.po");
    Translation both = new Translation("xx", List.of(project.orElse(app)));
    assertEquals("ringo", both.ngettext("apple", "apples", 5));
    assertEquals("pears", both.ngettext("pear", "pears", 5), "the app's own rule");
    assertEquals("one pear", both.ngettext("pear", "pears", 1));
  }

  @Test
  void malformedCatalogs_nameTheLineAndTheProblem() {
    assertEquals("x.po:2: unknown keyword 'msgtsr'", error("msgid \"a\"\nmsgtsr \"b\"\n"));
    assertEquals("x.po:1: msgid \"a\" has no msgstr", error("msgid \"a\"\n"));
    assertEquals("x.po:2: unknown escape '\\q'", error("msgid \"a\"\nmsgstr \"\\q\"\n"));
    assertEquals(
        "x.po:4: msgid \"a\" is already defined at line 1",
        error("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n"));
    assertEquals(
        "x.po:4: msgid \"a\" has 1 plural forms, but Plural-Forms says nplurals=2",
        error(
            "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
                + "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n"));
    assertTrue(
        error("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n !! 1);\\n\"\n")
            .startsWith("x.po:1: Plural-Forms expression"));
    assertEquals(
        "x.po:1: the catalog must be UTF-8, but its Content-Type is 'text/plain; charset=ISO-8859-1'",
        error("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"));
  }

  @Test
  void writtenCatalogs_passMsgfmtCheck(@TempDir Path dir) throws Exception {
    GnuGettext.require();
    String text = Files.readString(Path.of("src/test/resources/locale/de/LC_MESSAGES/messages.po"));
    Path po = dir.resolve("de.po");
    Files.writeString(po, PoFile.parse(text, "de.po").write());
    GnuGettext.check(po, dir.resolve("de.mo"));
  }
}
