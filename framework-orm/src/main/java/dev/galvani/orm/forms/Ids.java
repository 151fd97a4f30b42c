package dev.galvani.orm.forms;

import java.util.UUID;

/** Reads a submitted id as the Java type of the target entity's id. */
final class Ids {
  private Ids() {}

  /** The id in {@code text} as {@code type}; the choice field has already checked it is offered. */
  static Object parse(Class<?> type, String text) {
    if (type == Long.class || type == long.class) {
      return Long.valueOf(text);
    } else if (type == Integer.class || type == int.class) {
      return Integer.valueOf(text);
    } else if (type == Short.class || type == short.class) {
      return Short.valueOf(text);
    } else if (type == UUID.class) {
      return UUID.fromString(text);
    } else if (type == String.class) {
      return text;
    }
    throw new IllegalStateException(
        "ModelForm cannot read ids of type "
            + type.getName()
            + "; use Long, Integer, UUID or String");
  }
}
