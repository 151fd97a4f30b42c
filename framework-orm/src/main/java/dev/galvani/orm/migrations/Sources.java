package dev.galvani.orm.migrations;

import java.util.List;
import java.util.stream.Collectors;

/** Java source fragments for the migration writer: string literals and argument lists. */
final class Sources {
  private Sources() {}

  static String literal(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String literals(List<String> values) {
    return values.stream().map(Sources::literal).collect(Collectors.joining(", "));
  }
}
