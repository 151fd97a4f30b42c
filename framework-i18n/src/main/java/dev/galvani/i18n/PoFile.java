package dev.galvani.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A gettext {@code .po} file, read entry by entry with everything a translator wrote: comments,
 * references, flags, contexts, plural forms and obsolete entries. {@link #parse} reads it; {@link
 * #write} gives text that {@code msgfmt --check} accepts.
 *
 * @param entries the entries in file order, the header (empty msgid) first when there is one
 */
public record PoFile(List<Entry> entries) {
  public PoFile {
    entries = List.copyOf(entries);
  }

  /**
   * One message.
   *
   * @param translatorComments lines of {@code # ...}
   * @param extractedComments lines of {@code #. ...}
   * @param references {@code file:line} items of {@code #: ...}
   * @param flags items of {@code #, ...} such as {@code fuzzy} or {@code python-brace-format}
   * @param context the {@code msgctxt}, or null
   * @param id the {@code msgid}
   * @param idPlural the {@code msgid_plural}, or null
   * @param strings the {@code msgstr} (one) or {@code msgstr[i]} (one per plural form)
   * @param obsolete whether the entry was commented out with {@code #~}
   * @param line where the entry starts, 1-based
   */
  public record Entry(
      List<String> translatorComments,
      List<String> extractedComments,
      List<String> references,
      List<String> flags,
      String context,
      String id,
      String idPlural,
      List<String> strings,
      boolean obsolete,
      int line) {
    public Entry {
      translatorComments = List.copyOf(translatorComments);
      extractedComments = List.copyOf(extractedComments);
      references = List.copyOf(references);
      flags = List.copyOf(flags);
      strings = Collections.unmodifiableList(new ArrayList<>(strings));
    }

    public boolean isFuzzy() {
      return flags.contains("fuzzy");
    }

    public boolean isHeader() {
      return id.isEmpty() && context == null;
    }

    /** Whether every form has a translation. */
    public boolean isTranslated() {
      return !strings.isEmpty() && strings.stream().noneMatch(String::isEmpty);
    }
  }

  /** The same file with every entry's line set to 0, to compare contents. */
  PoFile withoutLines() {
    return new PoFile(
        entries.stream()
            .map(
                e ->
                    new Entry(
                        e.translatorComments(),
                        e.extractedComments(),
                        e.references(),
                        e.flags(),
                        e.context(),
                        e.id(),
                        e.idPlural(),
                        e.strings(),
                        e.obsolete(),
                        0))
            .toList());
  }

  /** The header's fields ({@code Plural-Forms}, {@code Language}, ...), empty without a header. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry.isHeader() && !entry.obsolete() && !entry.strings().isEmpty()) {
        for (String line : entry.strings().get(0).split("\n")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
          }
        }
      }
    }
    return headers;
  }

  /** Parses PO text; {@code source} names it in errors ({@code locale/de/LC_MESSAGES/x.po}). */
  public static PoFile parse(String text, String source) {
    return new Reader(text, source).read();
  }

  /** A {@code .po} file that could not be read: the message names the file and line. */
  public static final class PoSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    PoSyntaxError(String source, int line, String what) {
      super(source + ":" + line + ": " + what);
      this.source = source;
      this.line = line;
    }

    public String source() {
      return source;
    }

    public int line() {
      return line;
    }
  }

  /** The PO text of these entries, wrapped at 79 columns as msgmerge does. */
  public String write() {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Entry entry : entries) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      String prefix = entry.obsolete() ? "#~ " : "";
      entry
          .translatorComments()
          .forEach(c -> out.append(c.isEmpty() ? "#" : "# " + c).append('\n'));
      entry.extractedComments().forEach(c -> out.append("#. ").append(c).append('\n'));
      if (!entry.references().isEmpty()) {
        out.append("#: ").append(String.join(" ", entry.references())).append('\n');
      }
      if (!entry.flags().isEmpty()) {
        out.append("#, ").append(String.join(", ", entry.flags())).append('\n');
      }
      if (entry.context() != null) {
        field(out, prefix, "msgctxt", entry.context());
      }
      field(out, prefix, "msgid", entry.id());
      if (entry.idPlural() != null) {
        field(out, prefix, "msgid_plural", entry.idPlural());
        for (int i = 0; i < entry.strings().size(); i++) {
          field(out, prefix, "msgstr[" + i + "]", entry.strings().get(i));
        }
      } else {
        field(out, prefix, "msgstr", entry.strings().isEmpty() ? "" : entry.strings().get(0));
      }
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String prefix, String keyword, String value) {
    String escaped = escape(value);
    boolean multiline = value.contains("\n") && value.indexOf('\n') < value.length() - 1;
    if (!multiline && keyword.length() + escaped.length() + 3 <= 79) {
      out.append(prefix).append(keyword).append(" \"").append(escaped).append("\"\n");
      return;
    }
    out.append(prefix).append(keyword).append(" \"\"\n");
    for (String piece : pieces(value)) {
      out.append(prefix).append('"').append(escape(piece)).append("\"\n");
    }
  }

  /** Splits after each newline, then long lines at spaces, so no line passes 79 columns. */
  private static List<String> pieces(String value) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < value.length()) {
      int newline = value.indexOf('\n', start);
      int end = newline < 0 ? value.length() : newline + 1;
      String line = value.substring(start, end);
      while (escape(line).length() > 77) {
        int cut = line.lastIndexOf(' ', 70);
        if (cut <= 0) {
          break;
        }
        pieces.add(line.substring(0, cut + 1));
        line = line.substring(cut + 1);
      }
      pieces.add(line);
      start = end;
    }
    return pieces;
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The line-oriented reader. */
  private static final class Reader {
    private final String[] lines;
    private final String source;
    private int index;
    private final List<Entry> entries = new ArrayList<>();

    Reader(String text, String source) {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      this.lines = body.split("\r?\n", -1);
      this.source = source;
    }

    PoFile read() {
      while (index < lines.length) {
        if (lines[index].isBlank()) {
          index++;
          continue;
        }
        Entry entry = entry();
        if (entry != null) {
          entries.add(entry);
        }
      }
      checkDuplicates();
      return new PoFile(entries);
    }

    /** The next entry; null for a block of comments alone (a file's opening notes). */
    private Entry entry() {
      int start = index + 1;
      List<String> translator = new ArrayList<>();
      List<String> extracted = new ArrayList<>();
      List<String> references = new ArrayList<>();
      List<String> flags = new ArrayList<>();
      boolean obsolete = false;
      String context = null;
      String id = null;
      String idPlural = null;
      Map<Integer, String> strings = new LinkedHashMap<>();
      String keyword = null;
      StringBuilder value = null;
      int keywordLine = start;
      while (index < lines.length && !lines[index].isBlank()) {
        String raw = lines[index];
        String line = raw.strip();
        int lineNumber = index + 1;
        index++;
        if (line.startsWith("#~|") || line.startsWith("#|")) {
          continue; // the previous msgid of a fuzzy entry (msgmerge --previous, Weblate)
        }
        if (line.startsWith("#~")) {
          obsolete = true;
          line = line.substring(2).strip();
          if (line.isEmpty()) {
            continue;
          }
        } else if (line.startsWith("#")) {
          if (keyword != null && id != null) {
            // a comment after the strings starts the next entry
            index--;
            break;
          }
          comment(line, translator, extracted, references, flags);
          continue;
        }
        if (line.startsWith("\"")) {
          if (value == null) {
            throw new PoSyntaxError(
                source, lineNumber, "a string with no msgid or msgstr before it");
          }
          value.append(string(line, lineNumber));
          continue;
        }
        // a keyword line: store the field being read
        if (keyword != null) {
          String stored = store(keyword, value.toString(), keywordLine, strings);
          if (keyword.equals("msgctxt")) {
            context = stored;
          } else if (keyword.equals("msgid")) {
            id = stored;
          } else if (keyword.equals("msgid_plural")) {
            idPlural = stored;
          }
        }
        int space = line.indexOf(' ');
        if (space < 0) {
          throw new PoSyntaxError(
              source, lineNumber, "expected a keyword and a string, as in msgid \"text\"");
        }
        String next = line.substring(0, space);
        if (next.equals("msgctxt") && (id != null || !strings.isEmpty())) {
          index--; // the next entry's context, with no blank line between
          keyword = null;
          break;
        }
        if (next.equals("msgid") && id != null) {
          if (strings.isEmpty()) {
            throw new PoSyntaxError(source, lineNumber, "a second msgid in one entry");
          }
          index--; // the next entry, with no blank line between
          keyword = null;
          break;
        }
        if (!next.equals("msgctxt")
            && !next.equals("msgid")
            && !next.equals("msgid_plural")
            && !next.startsWith("msgstr")) {
          throw new PoSyntaxError(source, lineNumber, "unknown keyword '" + next + "'");
        }
        if (next.startsWith("msgstr") && id == null) {
          throw new PoSyntaxError(source, lineNumber, "msgstr before any msgid");
        }
        keyword = next;
        keywordLine = lineNumber;
        value = new StringBuilder(string(line.substring(space + 1).strip(), lineNumber));
      }
      if (keyword != null) {
        String stored = store(keyword, value.toString(), keywordLine, strings);
        if (keyword.equals("msgid")) {
          id = stored;
        } else if (keyword.equals("msgid_plural")) {
          idPlural = stored;
        } else if (keyword.equals("msgctxt")) {
          context = stored;
        }
      }
      if (id == null) {
        if (translator.isEmpty()
            && extracted.isEmpty()
            && references.isEmpty()
            && flags.isEmpty()) {
          throw new PoSyntaxError(source, start, "an entry without msgid");
        }
        return null; // comments alone: notes for the file's readers, no message
      }
      if (strings.isEmpty()) {
        throw new PoSyntaxError(source, start, "msgid \"" + shorten(id) + "\" has no msgstr");
      }
      List<String> ordered = new ArrayList<>();
      if (idPlural == null) {
        if (!strings.containsKey(-1) || strings.size() != 1) {
          throw new PoSyntaxError(
              source, start, "msgid \"" + shorten(id) + "\" without msgid_plural takes one msgstr");
        }
        ordered.add(strings.get(-1));
      } else {
        for (int i = 0; i < strings.size(); i++) {
          if (!strings.containsKey(i)) {
            throw new PoSyntaxError(
                source,
                start,
                "msgid_plural \"" + shorten(idPlural) + "\" misses msgstr[" + i + "]");
          }
          ordered.add(strings.get(i));
        }
      }
      return new Entry(
          translator,
          extracted,
          references,
          flags,
          context,
          id,
          idPlural,
          ordered,
          obsolete,
          start);
    }

    private String store(String keyword, String value, int line, Map<Integer, String> strings) {
      if (keyword.equals("msgstr")) {
        strings.put(-1, value);
      } else if (keyword.startsWith("msgstr[")) {
        if (!keyword.endsWith("]")) {
          throw new PoSyntaxError(source, line, "malformed '" + keyword + "'");
        }
        int form;
        try {
          form = Integer.parseInt(keyword.substring(7, keyword.length() - 1));
        } catch (NumberFormatException e) {
          throw new PoSyntaxError(source, line, "malformed '" + keyword + "'");
        }
        if (form < 0 || form > 31 || strings.containsKey(form)) {
          throw new PoSyntaxError(source, line, "unexpected '" + keyword + "'");
        }
        strings.put(form, value);
      }
      return value;
    }

    private static void comment(
        String line,
        List<String> translator,
        List<String> extracted,
        List<String> references,
        List<String> flags) {
      if (line.startsWith("#.")) {
        extracted.add(line.substring(2).strip());
      } else if (line.startsWith("#:")) {
        for (String reference : line.substring(2).strip().split("\\s+")) {
          if (!reference.isEmpty()) {
            references.add(reference);
          }
        }
      } else if (line.startsWith("#,")) {
        for (String flag : line.substring(2).split(",")) {
          if (!flag.isBlank()) {
            flags.add(flag.strip().toLowerCase(Locale.ROOT));
          }
        }
      } else if (line.startsWith("#|")) {
        // previous msgid of a fuzzy entry: dropped, msgmerge writes it again
      } else {
        String text = line.substring(1);
        translator.add(text.startsWith(" ") ? text.substring(1) : text);
      }
    }

    /** A quoted PO string with C escapes. */
    private String string(String quoted, int line) {
      if (quoted.length() < 2
          || quoted.charAt(0) != '"'
          || quoted.charAt(quoted.length() - 1) != '"') {
        throw new PoSyntaxError(
            source, line, "a string must be in double quotes: " + shorten(quoted));
      }
      StringBuilder out = new StringBuilder(quoted.length());
      for (int i = 1; i < quoted.length() - 1; i++) {
        char c = quoted.charAt(i);
        if (c == '"') {
          throw new PoSyntaxError(source, line, "an unescaped '\"' inside a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (i + 1 >= quoted.length() - 1) {
          throw new PoSyntaxError(source, line, "a string ends with a lone backslash");
        }
        char escaped = quoted.charAt(++i);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'a' -> out.append('\u0007');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'v' -> out.append('\u000B');
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          default -> {
            if (escaped == 'x') {
              int value = 0;
              int digits = 0;
              while (digits < 2
                  && i + 1 < quoted.length() - 1
                  && Character.digit(quoted.charAt(i + 1), 16) >= 0) {
                value = value * 16 + Character.digit(quoted.charAt(++i), 16);
                digits++;
              }
              if (digits == 0) {
                throw new PoSyntaxError(source, line, "\\x with no hex digits");
              }
              out.append((char) value);
            } else if (escaped >= '0' && escaped <= '7') {
              int value = escaped - '0';
              int digits = 1;
              while (digits < 3
                  && i + 1 < quoted.length() - 1
                  && quoted.charAt(i + 1) >= '0'
                  && quoted.charAt(i + 1) <= '7') {
                value = value * 8 + (quoted.charAt(++i) - '0');
                digits++;
              }
              out.append((char) value);
            } else {
              throw new PoSyntaxError(source, line, "unknown escape '\\" + escaped + "'");
            }
          }
        }
      }
      return out.toString();
    }

    private void checkDuplicates() {
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (Entry entry : entries) {
        if (entry.obsolete()) {
          continue;
        }
        String key = (entry.context() == null ? "" : entry.context() + "\u0004") + entry.id();
        Integer earlier = seen.putIfAbsent(key, entry.line());
        if (earlier != null) {
          throw new PoSyntaxError(
              source,
              entry.line(),
              "msgid \"" + shorten(entry.id()) + "\" is already defined at line " + earlier);
        }
      }
    }

    private static String shorten(String text) {
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }
}
