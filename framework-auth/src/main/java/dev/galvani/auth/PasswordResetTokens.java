package dev.galvani.auth;

import dev.galvani.core.Galvani;
import dev.galvani.core.security.Signer;
import java.time.Clock;
import java.time.Duration;

/**
 * Password-reset tokens, as Django's {@code PasswordResetTokenGenerator}: {@code <seconds in base
 * 36>-<HMAC>}, keyed with the site's secret over the user's id, password hash, last login, email
 * address and the time. A token stops working when it expires, after it has been used (the new
 * password changes the hash), after the user logs in (the last login changes) and when the email
 * address changes. Nothing is stored, so two requests racing with one token can both pass; the
 * second sets the password again. Thread-safe.
 */
public final class PasswordResetTokens {
  private final Signer signer;
  private final Duration timeout;
  private final Clock clock;

  public PasswordResetTokens(Signer signer, Duration timeout, Clock clock) {
    this.signer = signer;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The site's tokens, valid for {@link AuthSettings#passwordResetTimeout()}. */
  public static PasswordResetTokens of(Galvani galvani) {
    return new PasswordResetTokens(
        galvani.signer("galvani.auth.password-reset"),
        AuthSettings.of(galvani.settings()).passwordResetTimeout(),
        Clock.systemUTC());
  }

  public String make(User user) {
    long seconds = clock.instant().getEpochSecond();
    return Long.toString(seconds, 36) + "-" + signer.mac(value(user, seconds));
  }

  /** Whether {@code token} was made for this user, as they are now, and has not expired. */
  public boolean check(User user, String token) {
    if (token == null || token.length() > 100) {
      return false;
    }
    int dash = token.indexOf('-');
    if (dash <= 0) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(token.substring(0, dash), 36);
    } catch (NumberFormatException e) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - seconds;
    if (age < 0 || age > timeout.toSeconds()) {
      return false;
    }
    return signer.verifyMac(value(user, seconds), token.substring(dash + 1));
  }

  /** What the token's HMAC covers. */
  private static String value(User user, long seconds) {
    return user.getId()
        + "\u0000"
        + user.getPassword()
        + "\u0000"
        + (user.getLastLogin() == null ? "" : user.getLastLogin().getEpochSecond())
        + "\u0000"
        + user.getEmail()
        + "\u0000"
        + seconds;
  }
}
