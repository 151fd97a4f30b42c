package dev.galvani.core.urls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The built-in converters: {@code int}, {@code str}, {@code slug}, {@code uuid}, {@code path}. */
public final class Converters {
  private Converters() {}

  /** A fresh map of the built-in converters by name. */
  public static Map<String, Converter> defaults() {
    Map<String, Converter> converters = new LinkedHashMap<>();
    converters.put("int", new IntConverter());
    converters.put("str", new Plain("[^/]+"));
    converters.put("slug", new Plain("[-a-zA-Z0-9_]+"));
    converters.put("uuid", new UuidConverter());
    converters.put("path", new Plain(".+"));
    return converters;
  }

  private static final class IntConverter implements Converter {
    @Override
    public String regex() {
      return "[0-9]+";
    }

    @Override
    public Object toJava(String segment) {
      return Integer.valueOf(segment); // too large: NumberFormatException -> no match
    }
  }

  private static final class UuidConverter implements Converter {
    @Override
    public String regex() {
      return "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    }

    @Override
    public Object toJava(String segment) {
      return UUID.fromString(segment);
    }
  }

  private record Plain(String regex) implements Converter {
    @Override
    public Object toJava(String segment) {
      return segment;
    }
  }
}
