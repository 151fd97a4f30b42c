package dev.galvani.i18n;

import dev.galvani.i18n.MessageExtractor.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code makemessages} does, as Django's (xgettext, then msgmerge): extracts the messages of
 * the sources and merges them into each language's {@code messages.po}.
 *
 * <ul>
 *   <li>an existing translation is kept with its translator comments and flags; the references and
 *       extracted comments are those found now;
 *   <li>a new message similar to one that is gone takes that one's translation, marked {@code
 *       fuzzy} for the translator to check (and not used until they do);
 *   <li>a message no longer found is kept as obsolete ({@code #~}) so its translation is not lost;
 *   <li>messages with {@code {name}} placeholders are flagged {@code python-brace-format}, so
 *       {@code msgfmt --check} tells a translator who drops or renames a placeholder.
 * </ul>
 *
 * <p>The files it writes pass {@code msgfmt --check}.
 */
public final class MakeMessages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*\\}");

  /** Plural-Forms of common languages, from the GNU gettext manual. */
  static final Map<String, String> PLURAL_FORMS = new HashMap<>();

  static {
    String germanic = "nplurals=2; plural=(n != 1);";
    for (String code :
        List.of(
            "en", "de", "nl", "sv", "da", "no", "nb", "it", "es", "pt", "el", "fi", "et", "hu",
            "tr", "ca", "bg")) {
      PLURAL_FORMS.put(code, germanic);
    }
    PLURAL_FORMS.put("fr", "nplurals=2; plural=(n > 1);");
    PLURAL_FORMS.put("pt_BR", "nplurals=2; plural=(n > 1);");
    for (String code : List.of("ja", "zh", "ko", "vi", "th", "id")) {
      PLURAL_FORMS.put(code, "nplurals=1; plural=0;");
    }
    String slavic =
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 ||"
            + " n%100>=20) ? 1 : 2);";
    PLURAL_FORMS.put("ru", slavic);
    PLURAL_FORMS.put("uk", slavic);
    PLURAL_FORMS.put(
        "pl",
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);");
    PLURAL_FORMS.put("cs", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;");
    PLURAL_FORMS.put("sk", "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;");
    PLURAL_FORMS.put(
        "ar",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 :"
            + " n%100>=11 ? 4 : 5);");
    PLURAL_FORMS.put(
        "ga",
        "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n>=3 && n<=6 ? 2 : n>=7 && n<=10 ? 3 : 4);");
  }

  private MakeMessages() {}

  /** Every message of the Java files and templates under {@code sources}, in file order. */
  public static List<Message> extract(List<Path> sources, Path base) throws IOException {
    List<Message> messages = new ArrayList<>();
    for (Path root : sources) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        String reference = base.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        if (name.endsWith(".java")) {
          messages.addAll(MessageExtractor.fromJava(Files.readString(file), reference));
        } else if (name.endsWith(".html")) {
          messages.addAll(MessageExtractor.fromTemplate(Files.readString(file), reference));
        }
      }
    }
    return messages;
  }

  /**
   * The catalog of {@code language}: {@code existing} (null for a new one) updated with the
   * messages.
   */
  public static PoFile merge(PoFile existing, List<Message> messages, String language) {
    Map<String, PoFile.Entry> old = new LinkedHashMap<>();
    PoFile.Entry header = null;
    if (existing != null) {
      for (PoFile.Entry entry : existing.entries()) {
        if (entry.isHeader() && !entry.obsolete()) {
          header = entry;
        } else {
          old.put(Catalog.key(entry.context(), entry.id()), entry);
        }
      }
    }
    String forms = existing == null ? null : existing.headers().get("Plural-Forms");
    PluralForms plural = PluralForms.parse(forms != null ? forms : pluralFormsOf(language));
    // group the found messages by key, in order of first appearance
    Map<String, List<Message>> found = new LinkedHashMap<>();
    for (Message message : messages) {
      found
          .computeIfAbsent(Catalog.key(message.context(), message.id()), k -> new ArrayList<>())
          .add(message);
    }
    List<PoFile.Entry> entries = new ArrayList<>();
    entries.add(header != null ? header : header(language));
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, List<Message>> group : found.entrySet()) {
      Message first = group.getValue().get(0);
      List<String> references =
          group.getValue().stream().map(Message::reference).distinct().toList();
      List<String> comments =
          group.getValue().stream()
              .map(Message::comment)
              .filter(c -> c != null)
              .distinct()
              .toList();
      List<String> formatFlags =
          PLACEHOLDER.matcher(first.id()).find() ? List.of("python-brace-format") : List.of();
      PoFile.Entry previous = old.get(group.getKey());
      // a guess stays a guess until a translator clears the flag
      boolean fuzzy = previous != null && previous.isFuzzy();
      if (previous == null || (previous.obsolete() && !previous.isTranslated())) {
        previous = similar(first, old, used);
        fuzzy = previous != null;
      }
      List<String> strings;
      List<String> translator = List.of();
      List<String> flags = new ArrayList<>();
      if (previous != null) {
        used.add(Catalog.key(previous.context(), previous.id()));
        translator = previous.translatorComments();
        flags.addAll(previous.flags());
        strings = fit(previous.strings(), first.idPlural() != null, plural.count());
        if (!fuzzy && !sameShape(previous, first)) {
          fuzzy = true;
        }
      } else {
        strings = fit(List.of(), first.idPlural() != null, plural.count());
      }
      flags.remove("fuzzy");
      if (fuzzy && strings.stream().anyMatch(s -> !s.isEmpty())) {
        flags.add(0, "fuzzy");
      }
      for (String flag : formatFlags) {
        if (!flags.contains(flag)) {
          flags.add(flag);
        }
      }
      entries.add(
          new PoFile.Entry(
              translator,
              comments,
              references,
              flags,
              first.context(),
              first.id(),
              first.idPlural(),
              strings,
              false,
              0));
    }
    for (Map.Entry<String, PoFile.Entry> gone : old.entrySet()) {
      PoFile.Entry entry = gone.getValue();
      if (!found.containsKey(gone.getKey())
          && !used.contains(gone.getKey())
          && entry.isTranslated()) {
        entries.add(
            new PoFile.Entry(
                entry.translatorComments(),
                List.of(),
                List.of(),
                entry.flags(),
                entry.context(),
                entry.id(),
                entry.idPlural(),
                entry.strings(),
                true,
                0));
      }
    }
    return new PoFile(entries);
  }

  /** Writes the catalogs of these languages under {@code localeDir}; returns the files written. */
  public static List<Path> run(
      List<Path> sources, Path base, Path localeDir, List<String> languages) throws IOException {
    List<Message> messages = extract(sources, base);
    List<Path> written = new ArrayList<>();
    for (String language : languages) {
      Path file =
          localeDir
              .resolve(Languages.localeDir(language))
              .resolve("LC_MESSAGES")
              .resolve(Translations.DOMAIN + ".po");
      PoFile existing =
          Files.exists(file) ? PoFile.parse(Files.readString(file), file.toString()) : null;
      Files.createDirectories(file.getParent());
      Files.writeString(file, merge(existing, messages, language).write());
      written.add(file);
    }
    return written;
  }

  private static String pluralFormsOf(String language) {
    String dir = Languages.localeDir(language);
    String forms = PLURAL_FORMS.get(dir);
    if (forms == null) {
      forms = PLURAL_FORMS.getOrDefault(Languages.base(language), "nplurals=2; plural=(n != 1);");
    }
    return forms;
  }

  private static PoFile.Entry header(String language) {
    String now =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mmZ"));
    String text =
        "Project-Id-Version: site\n"
            + "Report-Msgid-Bugs-To: \n"
            + "POT-Creation-Date: "
            + now
            + "\n"
            + "PO-Revision-Date: "
            + now
            + "\n"
            + "Last-Translator: \n"
            + "Language-Team: \n"
            + "Language: "
            + Languages.localeDir(language)
            + "\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=UTF-8\n"
            + "Content-Transfer-Encoding: 8bit\n"
            + "Plural-Forms: "
            + pluralFormsOf(language)
            + "\n";
    return new PoFile.Entry(
        List.of("Translations of this site.", ""),
        List.of(),
        List.of(),
        List.of(),
        null,
        "",
        null,
        List.of(text),
        false,
        0);
  }

  /** The strings resized to the number of forms the entry needs now. */
  private static List<String> fit(List<String> strings, boolean plural, int forms) {
    List<String> result = new ArrayList<>(strings);
    int wanted = plural ? forms : 1;
    while (result.size() < wanted) {
      result.add("");
    }
    return new ArrayList<>(result.subList(0, wanted));
  }

  private static boolean sameShape(PoFile.Entry previous, Message message) {
    return java.util.Objects.equals(previous.idPlural(), message.idPlural());
  }

  /** A translated entry not found any more whose msgid is much like this one's, if any. */
  private static PoFile.Entry similar(
      Message message, Map<String, PoFile.Entry> old, Set<String> used) {
    PoFile.Entry best = null;
    double bestScore = 0.7;
    for (Map.Entry<String, PoFile.Entry> candidate : old.entrySet()) {
      PoFile.Entry entry = candidate.getValue();
      if (used.contains(candidate.getKey())
          || !entry.isTranslated()
          || !java.util.Objects.equals(entry.context(), message.context())) {
        continue;
      }
      double score = similarity(entry.id(), message.id());
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best;
  }

  /** Dice's coefficient of the two texts' character pairs, 0 to 1. */
  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    if (a.length() < 2 || b.length() < 2) {
      return 0;
    }
    Map<String, Integer> pairs = new HashMap<>();
    for (int i = 0; i < a.length() - 1; i++) {
      pairs.merge(a.substring(i, i + 2), 1, Integer::sum);
    }
    int shared = 0;
    for (int i = 0; i < b.length() - 1; i++) {
      String pair = b.substring(i, i + 2);
      Integer count = pairs.get(pair);
      if (count != null && count > 0) {
        shared++;
        pairs.put(pair, count - 1);
      }
    }
    return 2.0 * shared / (a.length() - 1 + b.length() - 1);
  }
}
