package dev.galvani.auth;

import dev.galvani.core.http.HttpError;
import java.time.Duration;
import java.util.Map;

/**
 * Too many failed logins for a username or from an address: a 429 that says when to try again and
 * nothing about whether the password was right.
 */
public final class LockedOut extends HttpError {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  LockedOut(Duration retryAfter) {
    super(
        429,
        "Too many failed login attempts. Try again in "
            + Math.max(1, (retryAfter.toSeconds() + 59) / 60)
            + " minutes.");
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
