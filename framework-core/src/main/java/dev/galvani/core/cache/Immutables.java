package dev.galvani.core.cache;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which types are deeply immutable, so one decoded instance may be shared by every reader: the
 * primitives and their boxes, strings, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, enums,
 * the {@code java.time} value types, and records whose components are all of these (arrays,
 * collections and other classes are not).
 */
final class Immutables {
  private static final Set<Class<?>> VALUES =
      Set.of(
          String.class,
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          UUID.class);

  private static final ClassValue<Boolean> IMMUTABLE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return check(type, new HashSet<>());
        }
      };

  private Immutables() {}

  static boolean isImmutable(Class<?> type) {
    return IMMUTABLE.get(type);
  }

  private static boolean check(Class<?> type, Set<Class<?>> seen) {
    if (type.isPrimitive() || VALUES.contains(type) || type.isEnum()) {
      return true;
    }
    if (type.getPackageName().equals("java.time")
        && (TemporalAccessor.class.isAssignableFrom(type)
            || TemporalAmount.class.isAssignableFrom(type))
        && java.lang.reflect.Modifier.isFinal(type.getModifiers())) {
      return true;
    }
    if (!type.isRecord() || !seen.add(type)) {
      return false;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (!check(component.getType(), seen)) {
        return false;
      }
    }
    return true;
  }
}
