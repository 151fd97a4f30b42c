package dev.galvani.core;

import java.util.Objects;

/** A secret setting value: printing it shows asterisks, so it never reaches a log or debug page. */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The real value, for code that must use it (signing). */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "********";
  }
}
