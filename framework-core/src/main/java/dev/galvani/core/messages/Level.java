package dev.galvani.core.messages;

import java.util.Locale;

/** How important a flash message is, from least to most; Django's message levels. */
public enum Level {
  DEBUG(10),
  INFO(20),
  SUCCESS(25),
  WARNING(30),
  ERROR(40);

  private final int value;

  Level(int value) {
    this.value = value;
  }

  /** Django's numeric level: 10, 20, 25, 30, 40. */
  public int value() {
    return value;
  }

  /** The lower-case name, {@code "success"}, handy as a CSS class. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
