package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plural rules: our parser against GNU gettext's msgfmt and Python's gettext, n = 0..1000. */
class PluralFormsTest {
  /** The Plural-Forms headers of the GNU gettext manual for these languages. */
  static final Map<String, String> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("ja", "nplurals=1; plural=0;");
    HEADERS.put("en", "nplurals=2; plural=(n != 1);");
    HEADERS.put("fr", "nplurals=2; plural=(n > 1);");
    HEADERS.put(
        "ru",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 ||"
            + " n%100>=20) ? 1 : 2);");
    HEADERS.put(
        "pl",
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);");
    HEADERS.put("cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;");
    HEADERS.put(
        "ar",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 :"
            + " n%100>=11 ? 4 : 5);");
    HEADERS.put(
        "ga",
        "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4);");
  }

  /** A catalog with one plural message whose forms say their own index. */
  static String catalog(String language, String header, int forms) {
    StringBuilder po = new StringBuilder();
    po.append("msgid \"\"\nmsgstr \"\"\n")
        .append("\"Language: ")
        .append(language)
        .append("\\n\"\n")
        .append("\"MIME-Version: 1.0\\n\"\n")
        .append("\"Content-Type: text/plain; charset=UTF-8\\n\"\n")
        .append("\"Content-Transfer-Encoding: 8bit\\n\"\n")
        .append("\"Plural-Forms: ")
        .append(header)
        .append("\\n\"\n\n")
        .append("msgid \"item\"\nmsgid_plural \"items\"\n");
    for (int i = 0; i < forms; i++) {
      po.append("msgstr[").append(i).append("] \"form ").append(i).append("\"\n");
    }
    return po.toString();
  }

  @Test
  void everyIndex_forNUpTo1000_equalsGnuGettextsAndPythons(@TempDir Path dir) throws Exception {
    GnuGettext.require();
    for (Map.Entry<String, String> language : HEADERS.entrySet()) {
      PluralForms ours = PluralForms.parse(language.getValue());
      String text = catalog(language.getKey(), language.getValue(), ours.count());
      Path po = dir.resolve(language.getKey() + ".po");
      Path mo = dir.resolve(language.getKey() + ".mo");
      Files.writeString(po, text);
      GnuGettext.check(po, mo);
      List<Integer> theirs = GnuGettext.pythonIndexes(mo, 1000);
      Translation translation =
          new Translation(
              language.getKey(), List.of(Catalog.of(PoFile.parse(text, po.toString()), "t")));
      List<Integer> mine = new ArrayList<>();
      for (int n = 0; n <= 1000; n++) {
        String form = translation.ngettext("item", "items", n);
        mine.add(Integer.parseInt(form.substring(form.lastIndexOf(' ') + 1)));
        assertEquals(ours.index(n), mine.get(n));
      }
      assertEquals(theirs, mine, "plural indexes for " + language.getKey());
    }
  }

  @Test
  void knownValues_russianArabicAndIrish() {
    PluralForms russian = PluralForms.parse(HEADERS.get("ru"));
    assertEquals(
        List.of(2, 0, 1, 1, 2, 2, 0, 1, 2, 0),
        indexes(russian, 0, 1, 2, 4, 5, 11, 21, 22, 111, 1001));
    PluralForms arabic = PluralForms.parse(HEADERS.get("ar"));
    assertEquals(
        List.of(0, 1, 2, 3, 3, 4, 4, 5, 3), indexes(arabic, 0, 1, 2, 3, 10, 11, 99, 100, 103));
    PluralForms irish = PluralForms.parse(HEADERS.get("ga"));
    assertEquals(List.of(4, 0, 1, 2, 2, 3, 3, 4), indexes(irish, 0, 1, 2, 3, 6, 7, 10, 11));
    assertEquals(0, PluralForms.parse(HEADERS.get("ja")).index(5));
    assertEquals(1, PluralForms.parse(HEADERS.get("en")).index(-1), "-1 is ULONG_MAX, as in C");
  }

  private static List<Integer> indexes(PluralForms forms, long... ns) {
    List<Integer> result = new ArrayList<>();
    for (long n : ns) {
      result.add(forms.index(n));
    }
    return result;
  }

  @Test
  void badHeaders_areRefusedWithWhatAndWhere() {
    var missing =
        assertThrows(IllegalArgumentException.class, () -> PluralForms.parse("nplurals=2;"));
    assertTrue(
        missing.getMessage().contains("nplurals=N; plural=EXPRESSION"), missing.getMessage());
    var junk =
        assertThrows(
            IllegalArgumentException.class,
            () -> PluralForms.parse("nplurals=2; plural=(n != 1) + System.exit(1);"));
    assertTrue(junk.getMessage().contains("unexpected 'S' at position 12"), junk.getMessage());
    var open =
        assertThrows(
            IllegalArgumentException.class, () -> PluralForms.parse("nplurals=2; plural=(n > 1;"));
    assertTrue(open.getMessage().contains("expected ')'"), open.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PluralForms.parse("nplurals=0; plural=0;"));
    assertEquals(0, PluralForms.parse("nplurals=2; plural=n/0;").index(7), "no crash on /0");
  }
}
