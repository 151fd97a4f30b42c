package dev.galvani.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * HTTP headers: names compare case-insensitively, each name may carry several values. Values with
 * CR or LF are refused, so no header can be injected through a value. Not thread-safe.
 */
public final class Headers {
  private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  public Headers() {}

  /** The first value of a header. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of a header, in the order they were added. */
  public List<String> all(String name) {
    List<String> list = values.get(name);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  public boolean contains(String name) {
    return values.containsKey(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Replaces every value of the header with this one. */
  public Headers set(String name, String value) {
    checkValue(name, value);
    List<String> list = new ArrayList<>(1);
    list.add(value);
    values.put(name, list);
    return this;
  }

  /** Adds a value, keeping the ones already there. */
  public Headers add(String name, String value) {
    checkValue(name, value);
    values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    return this;
  }

  /** Sets the header only if it has no value yet: a value set by the view is never overwritten. */
  public Headers setIfAbsent(String name, String value) {
    if (!values.containsKey(name)) {
      set(name, value);
    }
    return this;
  }

  public Headers remove(String name) {
    values.remove(name);
    return this;
  }

  public void forEach(BiConsumer<String, String> action) {
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      for (String value : entry.getValue()) {
        action.accept(entry.getKey(), value);
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

  static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 32 || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
