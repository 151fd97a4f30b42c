package dev.galvani.core.http;

/**
 * Input that looks like an attack (a path escaping its root, a forged value): answered with 400 and
 * logged on the {@code galvani.security} logger.
 */
public class SuspiciousOperation extends BadRequest {
  private static final long serialVersionUID = 1L;

  public SuspiciousOperation(String message) {
    super(message);
  }
}
