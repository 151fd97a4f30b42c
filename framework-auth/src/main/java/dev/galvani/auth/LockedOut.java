package dev.galvani.auth;

import dev.galvani.core.http.HttpError;
import dev.galvani.core.i18n.Translator;
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
    super(429, message(Math.max(1, (retryAfter.toSeconds() + 59) / 60)));
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  private static String message(long minutes) {
    return Translator.current()
        .ngettext(
            "Too many failed login attempts. Try again in {n} minute.",
            "Too many failed login attempts. Try again in {n} minutes.",
            minutes,
            Map.of());
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
