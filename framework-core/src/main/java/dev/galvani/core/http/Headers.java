package dev.galvani.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * HTTP headers: names compare case-insensitively, each name may carry several values. Values with
 * CR or LF are refused, so no header can be injected through a value. Not thread-safe.
 */
public final class Headers {
  // a short list scanned with equalsIgnoreCase beats a map for the dozen headers a message has
  private final List<Entry> entries = new ArrayList<>(8);

  /** A header with its values; most have one, so it is kept inline. */
  private static final class Entry {
    final String name;
    String value;
    List<String> more;

    Entry(String name, String value) {
      this.name = name;
      this.value = value;
    }

    void add(String another) {
      if (more == null) {
        more = new ArrayList<>(2);
      }
      more.add(another);
    }

    List<String> values() {
      if (more == null) {
        return List.of(value);
      }
      List<String> all = new ArrayList<>(more.size() + 1);
      all.add(value);
      all.addAll(more);
      return all;
    }
  }

  public Headers() {}

  private Entry find(String name) {
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.name.equalsIgnoreCase(name)) {
        return entry;
      }
    }
    return null;
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    Entry entry = find(name);
    return entry == null ? Optional.empty() : Optional.of(entry.value);
  }

  /** Every value of a header, in the order they were added. */
  public List<String> all(String name) {
    Entry entry = find(name);
    return entry == null ? List.of() : Collections.unmodifiableList(entry.values());
  }

  public boolean contains(String name) {
    return find(name) != null;
  }

  /** The header names, in the order first added. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Entry entry : entries) {
      names.add(entry.name);
    }
    return Collections.unmodifiableSet(names);
  }

  /** Replaces every value of the header with this one. */
  public Headers set(String name, String value) {
    checkValue(name, value);
    Entry entry = find(name);
    if (entry == null) {
      entries.add(new Entry(name, value));
    } else {
      entry.value = value;
      entry.more = null;
    }
    return this;
  }

  /** Adds a value, keeping the ones already there. */
  public Headers add(String name, String value) {
    checkValue(name, value);
    Entry entry = find(name);
    if (entry == null) {
      entries.add(new Entry(name, value));
    } else {
      entry.add(value);
    }
    return this;
  }

  /** Sets the header only if it has no value yet: a value set by the view is never overwritten. */
  public Headers setIfAbsent(String name, String value) {
    if (find(name) == null) {
      set(name, value);
    }
    return this;
  }

  public Headers remove(String name) {
    entries.removeIf(entry -> entry.name.equalsIgnoreCase(name));
    return this;
  }

  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      action.accept(entry.name, entry.value);
      if (entry.more != null) {
        for (String value : entry.more) {
          action.accept(entry.name, value);
        }
      }
    }
  }

  private static void checkValue(String name, String value) {
    if (name == null || name.isEmpty() || !isToken(name)) {
      throw new IllegalArgumentException("Invalid header name: '" + name + "'");
    }
    if (value == null) {
      throw new IllegalArgumentException("Header " + name + " needs a value, not null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(
            "Header " + name + " value contains a line break or NUL; refusing header injection");
      }
    }
  }

  private static final boolean[] TOKEN_CHARS = new boolean[128];

  static {
    for (char c = 33; c < 127; c++) {
      TOKEN_CHARS[c] = "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
  }

  static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128 || !TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    forEach(
        (name, value) ->
            text.append(text.length() > 1 ? ", " : "").append(name).append('=').append(value));
    return text.append('}').toString();
  }
}
