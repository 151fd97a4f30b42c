package dev.galvani.i18n;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The translations of one language from one or more sources. Each message keeps the plural rule of
 * the file it came from, so catalogs of different jars merge correctly even when their rules
 * differ. Fuzzy, obsolete and untranslated entries are left out, as GNU gettext leaves them out.
 * Immutable once built.
 */
public final class Catalog {
  static final char CONTEXT_SEPARATOR = '\u0004';

  /** A translation's forms and the plural rule that picks among them. */
  record Message(String[] forms, PluralForms plural) {
    String form(long n) {
      int index = plural.index(n);
      return index < forms.length ? forms[index] : forms[0];
    }
  }

  private final Map<String, Message> messages;

  private Catalog(Map<String, Message> messages) {
    this.messages = messages;
  }

  /** An empty catalog. */
  public static Catalog empty() {
    return new Catalog(Map.of());
  }

  /**
   * The catalog of a parsed PO file.
   *
   * @throws PoFile.PoSyntaxError when the header's Plural-Forms is wrong, or an entry has not as
   *     many plural forms as it says, naming the file and line
   */
  public static Catalog of(PoFile file, String source) {
    PluralForms plural = PluralForms.GERMANIC;
    String header = file.headers().get("Plural-Forms");
    if (header != null) {
      try {
        plural = PluralForms.parse(header);
      } catch (IllegalArgumentException e) {
        int line = file.entries().isEmpty() ? 1 : file.entries().get(0).line();
        throw new PoFile.PoSyntaxError(source, line, e.getMessage());
      }
    }
    String contentType = file.headers().getOrDefault("Content-Type", "charset=UTF-8");
    if (!contentType.toUpperCase(java.util.Locale.ROOT).contains("CHARSET=UTF-8")) {
      int line = file.entries().isEmpty() ? 1 : file.entries().get(0).line();
      throw new PoFile.PoSyntaxError(
          source, line, "the catalog must be UTF-8, but its Content-Type is '" + contentType + "'");
    }
    Map<String, Message> messages = new HashMap<>();
    for (PoFile.Entry entry : file.entries()) {
      if (entry.isHeader() || entry.obsolete() || entry.isFuzzy() || !entry.isTranslated()) {
        continue;
      }
      if (entry.idPlural() != null && entry.strings().size() != plural.count()) {
        throw new PoFile.PoSyntaxError(
            source,
            entry.line(),
            "msgid \""
                + entry.id()
                + "\" has "
                + entry.strings().size()
                + " plural forms, but Plural-Forms says nplurals="
                + plural.count());
      }
      messages.put(
          key(entry.context(), entry.id()),
          new Message(entry.strings().toArray(String[]::new), plural));
    }
    return new Catalog(Map.copyOf(messages));
  }

  /** A catalog of a {@code .properties} bundle: each key is a msgid; no plurals or contexts. */
  public static Catalog of(Properties properties) {
    Map<String, Message> messages = new HashMap<>();
    properties.forEach(
        (key, value) ->
            messages.put(
                (String) key, new Message(new String[] {(String) value}, PluralForms.GERMANIC)));
    return new Catalog(Map.copyOf(messages));
  }

  /** This catalog with {@code other}'s messages added where this one has none. */
  public Catalog orElse(Catalog other) {
    if (other.messages.isEmpty()) {
      return this;
    }
    Map<String, Message> merged = new HashMap<>(other.messages);
    merged.putAll(messages);
    return new Catalog(Map.copyOf(merged));
  }

  public int size() {
    return messages.size();
  }

  /** The translation, or null when the catalog has none. */
  Message find(String context, String id) {
    return messages.get(key(context, id));
  }

  static String key(String context, String id) {
    return context == null ? id : context + CONTEXT_SEPARATOR + id;
  }
}
