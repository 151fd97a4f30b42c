package dev.galvani.core.messages;

import java.util.Objects;

/**
 * One flash message. In templates: {@code ${message.text()}}, {@code ${message.levelTag()}}.
 *
 * @param level how important it is
 * @param text plain text; templates escape it with {@code th:text}
 */
public record Message(Level level, String text) {
  public Message {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(text, "text");
  }

  /** The level's lower-case name, {@code "success"}, for a CSS class. */
  public String levelTag() {
    return level.tag();
  }

  @Override
  public String toString() {
    return text;
  }
}
