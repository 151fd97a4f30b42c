package dev.galvani.core.http;

/** The client sent something malformed: 400, with a message saying what was wrong. */
public class BadRequest extends HttpError {
  private static final long serialVersionUID = 1L;

  public BadRequest(String message) {
    super(400, message);
  }

  public BadRequest(String message, Throwable cause) {
    super(400, message, cause);
  }
}
