package dev.galvani.core;

/** The settings are wrong: raised at startup with the failing check ids and how to fix them. */
public class ImproperlyConfigured extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImproperlyConfigured(String message) {
    super(message);
  }
}
