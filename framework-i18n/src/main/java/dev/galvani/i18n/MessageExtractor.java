package dev.galvani.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds translatable messages in Java sources and Thymeleaf templates, as xgettext does for C:
 * calls whose arguments are literals.
 *
 * <ul>
 *   <li>Java: {@code gettext("...")}, {@code gettextLazy}, {@code gettextNoop}, {@code
 *       ngettext("...", "...", n)}, {@code pgettext("ctx", "...")}, {@code pgettextLazy}, {@code
 *       npgettext}, with or without {@code I18n.}; a {@code // Translators: ...} comment on the
 *       line before becomes a note for translators;
 *   <li>templates: {@code #{'...'}} (with or without parameters) and {@code #i18n.gettext('...')},
 *       {@code ngettext}, {@code pgettext}, {@code npgettext}.
 * </ul>
 *
 * <p>A call whose message is not a literal (a variable, a concatenation) is not extracted: such
 * text cannot be translated ahead of time.
 */
public final class MessageExtractor {
  /** One message found: where, with its context and plural when it has them. */
  public record Message(
      String context, String id, String idPlural, String reference, String comment) {}

  private static final Pattern JAVA_CALL =
      Pattern.compile(
          "\\b(gettext|gettextLazy|gettextNoop|ngettext|pgettext|pgettextLazy|npgettext)\\s*\\(");
  private static final Pattern TEMPLATE_CALL =
      Pattern.compile("#i18n\\.(gettext|ngettext|pgettext|npgettext)\\s*\\(|#\\{");

  private MessageExtractor() {}

  /** The messages of one Java source; {@code file} is how references name it. */
  public static List<Message> fromJava(String source, String file) {
    List<Message> found = new ArrayList<>();
    Matcher call = JAVA_CALL.matcher(source);
    while (call.find()) {
      String function = call.group(1);
      List<String> literals = literals(source, call.end(), '"', literalsOf(function));
      if (literals == null) {
        continue;
      }
      if (literals.stream().anyMatch(String::isEmpty)) {
        continue; // "" is the catalog header's msgid, never a message
      }
      int line = lineOf(source, call.start());
      found.add(
          message(function, literals, file + ":" + line, translatorComment(source, call.start())));
    }
    return found;
  }

  /** The messages of one template. */
  public static List<Message> fromTemplate(String source, String file) {
    List<Message> found = new ArrayList<>();
    Matcher call = TEMPLATE_CALL.matcher(source);
    while (call.find()) {
      String function = call.group(1) == null ? "gettext" : call.group(1);
      List<String> literals = literals(source, call.end(), '\'', literalsOf(function));
      if (literals == null || literals.stream().anyMatch(String::isEmpty)) {
        continue;
      }
      found.add(message(function, literals, file + ":" + lineOf(source, call.start()), null));
    }
    return found;
  }

  private static int literalsOf(String function) {
    return switch (function) {
      case "ngettext", "pgettext", "pgettextLazy" -> 2;
      case "npgettext" -> 3;
      default -> 1;
    };
  }

  private static Message message(
      String function, List<String> literals, String reference, String comment) {
    return switch (function) {
      case "ngettext" -> new Message(null, literals.get(0), literals.get(1), reference, comment);
      case "pgettext", "pgettextLazy" ->
          new Message(literals.get(0), literals.get(1), null, reference, comment);
      case "npgettext" ->
          new Message(literals.get(0), literals.get(1), literals.get(2), reference, comment);
      default -> new Message(null, literals.get(0), null, reference, comment);
    };
  }

  /**
   * {@code count} string literals separated by commas from {@code at}, concatenations of literals
   * joined; null when an argument is anything else.
   */
  private static List<String> literals(String source, int at, char quote, int count) {
    List<String> values = new ArrayList<>();
    int i = at;
    while (values.size() < count) {
      StringBuilder value = new StringBuilder();
      boolean any = false;
      while (true) {
        i = skipSpace(source, i);
        if (i >= source.length() || source.charAt(i) != quote) {
          return null;
        }
        int end = readLiteral(source, i, quote, value);
        if (end < 0) {
          return null;
        }
        any = true;
        i = skipSpace(source, end);
        if (quote == '"' && i < source.length() && source.charAt(i) == '+') {
          i++;
          continue;
        }
        break;
      }
      if (!any) {
        return null;
      }
      values.add(value.toString());
      if (values.size() < count) {
        if (i >= source.length() || source.charAt(i) != ',') {
          return null;
        }
        i++;
      }
    }
    return values;
  }

  /** Reads one literal starting at its opening quote into {@code out}; the index after it. */
  private static int readLiteral(String source, int start, char quote, StringBuilder out) {
    if (source.startsWith("\"\"\"", start)) {
      return -1; // a text block: not extracted (its indentation rules are the compiler's)
    }
    int i = start + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == quote) {
        return i + 1;
      }
      if (c == '\n') {
        return -1;
      }
      if (c == '\\' && i + 1 < source.length()) {
        char next = source.charAt(++i);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 's' -> out.append(' ');
          case '0', '1', '2', '3', '4', '5', '6', '7' -> {
            int value = next - '0';
            int digits = 1;
            int most = next <= '3' ? 3 : 2;
            while (digits < most
                && i + 1 < source.length()
                && source.charAt(i + 1) >= '0'
                && source.charAt(i + 1) <= '7') {
              value = value * 8 + (source.charAt(++i) - '0');
              digits++;
            }
            out.append((char) value);
          }
          case 'u' -> {
            if (i + 4 < source.length()) {
              out.append((char) Integer.parseInt(source.substring(i + 1, i + 5), 16));
              i += 4;
            }
          }
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
      i++;
    }
    return -1;
  }

  private static int skipSpace(String source, int at) {
    int i = at;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int lineOf(String source, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The text after {@code Translators:} in a {@code //} comment on the line before, if any. */
  private static String translatorComment(String source, int index) {
    int lineStart = source.lastIndexOf('\n', index - 1);
    if (lineStart < 0) {
      return null;
    }
    int previousStart = source.lastIndexOf('\n', lineStart - 1) + 1;
    String previous = source.substring(previousStart, lineStart).trim();
    int marker = previous.indexOf("Translators:");
    return previous.startsWith("//") && marker >= 0 ? previous.substring(marker).trim() : null;
  }
}
