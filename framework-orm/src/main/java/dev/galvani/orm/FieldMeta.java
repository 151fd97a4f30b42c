package dev.galvani.orm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the ORM knows of one field of an entity.
 *
 * @param name the Java field name, as used in queries
 * @param type the Java type (the target entity for a to-one relation, the element entity for a
 *     collection)
 * @param column the column name, empty for a collection
 * @param relation how the field relates to another entity, {@link Relation#NONE} for plain values
 * @param choices the allowed values of an enum field, in declaration order
 */
public record FieldMeta(
    String name,
    Class<?> type,
    String column,
    Relation relation,
    boolean nullable,
    boolean unique,
    OptionalInt maxLength,
    boolean primaryKey,
    boolean version,
    List<Object> choices,
    String verboseName,
    String helpText) {

  /** The kinds of relation a field can have. */
  public enum Relation {
    NONE,
    MANY_TO_ONE,
    ONE_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY;

    public boolean toOne() {
      return this == MANY_TO_ONE || this == ONE_TO_ONE;
    }

    public boolean toMany() {
      return this == ONE_TO_MANY || this == MANY_TO_MANY;
    }
  }

  public boolean isRelation() {
    return relation != Relation.NONE;
  }

  /** The related entity, for relation fields. */
  public Optional<Class<?>> target() {
    return isRelation() ? Optional.of(type) : Optional.empty();
  }

  /** Whether a form should offer the field: not the id, the version or a reverse collection. */
  public boolean editable() {
    return !primaryKey && !version && relation != Relation.ONE_TO_MANY;
  }
}
