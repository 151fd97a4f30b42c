package dev.galvani.orm;

import java.util.Objects;

/**
 * A reference to a field's value in the database, for updates that must not race ({@code votes =
 * votes + 1}) and for comparing two fields, like Django's {@code F}. Immutable.
 *
 * <pre>{@code
 * choices.filter("id", choiceId).update("votes", F.of("votes").plus(1));
 * books.filter("pages__gt", F.of("price"));
 * }</pre>
 */
public final class F {
  enum Operator {
    NONE,
    PLUS,
    MINUS,
    TIMES
  }

  final String field;
  final Operator operator;
  final Number operand;

  private F(String field, Operator operator, Number operand) {
    this.field = Objects.requireNonNull(field, "field");
    this.operator = operator;
    this.operand = operand;
  }

  public static F of(String field) {
    return new F(field, Operator.NONE, 0);
  }

  public F plus(Number amount) {
    return new F(field, Operator.PLUS, amount);
  }

  public F minus(Number amount) {
    return new F(field, Operator.MINUS, amount);
  }

  public F times(Number factor) {
    return new F(field, Operator.TIMES, factor);
  }

  @Override
  public String toString() {
    return switch (operator) {
      case NONE -> "F(" + field + ")";
      case PLUS -> "F(" + field + ") + " + operand;
      case MINUS -> "F(" + field + ") - " + operand;
      case TIMES -> "F(" + field + ") * " + operand;
    };
  }
}
