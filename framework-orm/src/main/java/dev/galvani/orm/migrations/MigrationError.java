package dev.galvani.orm.migrations;

/**
 * A migration cannot be made, loaded, applied or reversed. The message names what is wrong and how
 * to fix it; the commands print it and exit with status 1.
 */
public class MigrationError extends RuntimeException {
  public MigrationError(String message) {
    super(message);
  }

  public MigrationError(String message, Throwable cause) {
    super(message, cause);
  }
}
