package dev.galvani.core.http;

/** The request body is larger than the configured limit: 413. */
public class PayloadTooLarge extends HttpError {
  private static final long serialVersionUID = 1L;

  public PayloadTooLarge(String message) {
    super(413, message);
  }
}
