package dev.galvani.core.http;

/**
 * An exception that maps to an HTTP error status. The message is shown to the client for 4xx
 * statuses, so it should name the problem and the fix, and never contain internals.
 */
public class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  public HttpError(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /**
   * Headers the error response carries ({@code Allow} on a 405, {@code Retry-After} on a 503); none
   * by default.
   */
  public java.util.Map<String, String> headers() {
    return java.util.Map.of();
  }
}
