package dev.galvani.orm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a lookup value into what the field holds, so that {@code "42"} from a query string filters
 * an int field, and anything that does not fit fails naming the field and the expected kind.
 */
final class Values {
  private Values() {}

  static Object coerce(Database database, FieldMeta field, Object value, String expression) {
    if (value == null) {
      return null;
    }
    Class<?> type = field.type();
    if (field.isRelation()) {
      if (type.isInstance(value)) {
        return database.meta(type).get(value, database.meta(type).id().name());
      }
      return coerce(database, database.meta(type).id(), value, expression);
    }
    Class<?> boxed = box(type);
    if (boxed.isInstance(value)) {
      return value;
    }
    try {
      if (value instanceof Number number && Number.class.isAssignableFrom(boxed)) {
        return convertNumber(number, boxed);
      }
      if (value instanceof String text) {
        return parse(text.trim(), boxed);
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      throw mismatch(field, value, expression);
    }
    throw mismatch(field, value, expression);
  }

  /** The items of an {@code in} or {@code range} value. */
  static List<Object> items(Object value, String expression) {
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value instanceof Object[] array) {
      return List.of(array);
    }
    if (value instanceof String text) {
      List<Object> parts = new ArrayList<>();
      for (String part : text.split(",", -1)) {
        parts.add(part);
      }
      return parts;
    }
    throw new InvalidQuery(
        "'" + ModelMeta.printable(expression) + "' needs a list of values, not " + describe(value));
  }

  static boolean bool(Object value, String expression) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      try {
        return (Boolean) parse(text.trim(), Boolean.class);
      } catch (IllegalArgumentException notABoolean) {
        // falls through to the message naming the lookup
      }
    }
    throw new InvalidQuery(
        "'" + ModelMeta.printable(expression) + "' needs true or false, not " + describe(value));
  }

  static int integer(Object value, String expression) {
    if (value instanceof Integer number) {
      return number;
    }
    try {
      return Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new InvalidQuery(
          "'" + ModelMeta.printable(expression) + "' needs a whole number, not " + describe(value));
    }
  }

  private static Object convertNumber(Number number, Class<?> boxed) {
    if (boxed == Integer.class) {
      return Math.toIntExact(number.longValue());
    } else if (boxed == Long.class) {
      return number.longValue();
    } else if (boxed == Short.class) {
      return (short) Math.toIntExact(number.longValue());
    } else if (boxed == Double.class) {
      return number.doubleValue();
    } else if (boxed == Float.class) {
      return number.floatValue();
    } else if (boxed == BigDecimal.class) {
      return new BigDecimal(number.toString());
    } else if (boxed == BigInteger.class) {
      return new BigInteger(number.toString());
    }
    throw new IllegalArgumentException();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(String text, Class<?> boxed) {
    if (boxed == Integer.class) {
      return Integer.valueOf(text);
    } else if (boxed == Long.class) {
      return Long.valueOf(text);
    } else if (boxed == Short.class) {
      return Short.valueOf(text);
    } else if (boxed == Double.class) {
      return Double.valueOf(text);
    } else if (boxed == Float.class) {
      return Float.valueOf(text);
    } else if (boxed == BigDecimal.class) {
      return new BigDecimal(text);
    } else if (boxed == Boolean.class) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on" -> true;
        case "false", "0", "no", "off" -> false;
        default -> throw new IllegalArgumentException(); // mismatch() names field and type
      };
    } else if (boxed == LocalDate.class) {
      return LocalDate.parse(text);
    } else if (boxed == LocalDateTime.class) {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    } else if (boxed == LocalTime.class) {
      return LocalTime.parse(text);
    } else if (boxed == OffsetDateTime.class) {
      return OffsetDateTime.parse(text);
    } else if (boxed == UUID.class) {
      return UUID.fromString(text);
    } else if (boxed.isEnum()) {
      return Enum.valueOf((Class) boxed, text);
    }
    throw new IllegalArgumentException();
  }

  private static InvalidQuery mismatch(FieldMeta field, Object value, String expression) {
    String expected =
        field.type().isEnum()
            ? "one of " + field.choices()
            : "a value of type " + box(field.type()).getSimpleName();
    return new InvalidQuery(
        "Field '"
            + field.name()
            + "' in '"
            + ModelMeta.printable(expression)
            + "' expected "
            + expected
            + " but got "
            + describe(value));
  }

  private static String describe(Object value) {
    String text = ModelMeta.printable(String.valueOf(value));
    return value instanceof String ? "'" + text + "'" : text;
  }

  static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "short" -> Short.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> type;
    };
  }
}
