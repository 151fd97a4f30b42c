package dev.galvani.core.checks;

/**
 * One finding of a check.
 *
 * @param id a stable id such as {@code core.E002} or {@code security.W018}
 * @param hint how to fix it
 */
public record CheckMessage(String id, Level level, String message, String hint) {
  /** How serious a finding is. */
  public enum Level {
    WARNING,
    ERROR
  }

  public static CheckMessage error(String id, String message, String hint) {
    return new CheckMessage(id, Level.ERROR, message, hint);
  }

  public static CheckMessage warning(String id, String message, String hint) {
    return new CheckMessage(id, Level.WARNING, message, hint);
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  /** {@code core.E002 (ERROR) SECRET_KEY is empty. Fix: ...} */
  public String format() {
    return id + " (" + level + ") " + message + (hint.isEmpty() ? "" : "\n    Fix: " + hint);
  }
}
