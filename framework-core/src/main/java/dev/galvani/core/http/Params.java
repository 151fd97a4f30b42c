package dev.galvani.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Query or form parameters: each name may carry several values (Django's QueryDict). Immutable and
 * thread-safe.
 */
public final class Params {
  private static final Params EMPTY = new Params(Map.of());
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Params empty() {
    return EMPTY;
  }

  /** Builds parameters from name/value pairs, keeping their order. */
  public static Params of(Map<String, ? extends List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return new Params(Collections.unmodifiableMap(copy));
  }

  /** The first value of a parameter. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The first value, or the fallback when the parameter is absent. */
  public String get(String name, String fallback) {
    return first(name).orElse(fallback);
  }

  /** Every value of a parameter ({@code ?tag=a&tag=b}). */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public boolean contains(String name) {
    return values.containsKey(name);
  }

  public Set<String> names() {
    return values.keySet();
  }

  public int size() {
    return values.size();
  }

  public Map<String, List<String>> asMap() {
    return values;
  }

  /** A mutable builder used by the parsers. */
  static final class Builder {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private int count;

    void add(String name, String value) {
      values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      count++;
    }

    int count() {
      return count;
    }

    Params build() {
      return values.isEmpty() ? EMPTY : of(values);
    }
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
