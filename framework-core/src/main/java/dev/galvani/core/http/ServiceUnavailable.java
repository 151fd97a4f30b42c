package dev.galvani.core.http;

/**
 * A backend the site needs (its database, say) cannot be reached right now: 503 with {@code
 * Retry-After}. The message is logged, not shown: it may name internal hosts.
 */
public class ServiceUnavailable extends HttpError {
  private static final long serialVersionUID = 1L;
  private final int retryAfterSeconds;

  public ServiceUnavailable(String message, int retryAfterSeconds, Throwable cause) {
    super(503, message, cause);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public java.util.Map<String, String> headers() {
    return java.util.Map.of("Retry-After", String.valueOf(retryAfterSeconds));
  }
}
