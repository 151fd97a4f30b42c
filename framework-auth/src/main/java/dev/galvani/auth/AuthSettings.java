package dev.galvani.auth;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Key;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The auth app's settings, set with {@code settings.set(AuthSettings.KEY, AuthSettings.defaults()
 * .withBcryptCost(13))}. Immutable.
 *
 * @param bcryptCost bcrypt's log2 work factor for new hashes (12 by default; {@code check --deploy}
 *     warns below 12); stored hashes of a lower cost are re-hashed at their next successful login
 * @param maxPasswordLength longer passwords are refused before any hashing, so a megabyte of
 *     password costs nothing
 * @param loginUrl where guards send anonymous visitors, with {@code ?next=}
 * @param loginRedirectUrl where a login without a safe {@code next} goes
 * @param logoutRedirectUrl where logout goes
 * @param lockout failed-login throttling: after so many failures for a username, or from one client
 *     address, logins are refused until the cool-off has passed
 */
public record AuthSettings(
    int bcryptCost,
    int maxPasswordLength,
    String loginUrl,
    String loginRedirectUrl,
    String logoutRedirectUrl,
    Lockout lockout,
    Duration passwordResetTimeout,
    String fromEmail,
    List<AuthenticationBackend> backends) {
  public static final Key<AuthSettings> KEY = Key.of("auth.settings", AuthSettings.class);

  public AuthSettings {
    backends = List.copyOf(backends);
    if (backends.isEmpty()) {
      throw new IllegalArgumentException(
          "AuthSettings needs at least one authentication backend, such as new ModelBackend()");
    }
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException(
          "bcryptCost must be 4..31 (12 or more in production), not " + bcryptCost);
    }
  }

  public static AuthSettings defaults() {
    return new AuthSettings(
        12,
        4096,
        "/accounts/login/",
        "/",
        "/",
        new Lockout(5, 50, Duration.ofMinutes(15)),
        Duration.ofDays(3),
        "webmaster@localhost",
        List.of(new ModelBackend()));
  }

  /**
   * Failed-login throttling, kept in the database so it holds across instances.
   *
   * @param perUsername failures for one username that lock it (0 turns the check off)
   * @param perAddress failures from one client address that lock it (0 turns the check off)
   * @param coolOff how long a lock lasts after the last failure; also how long failures are
   *     remembered
   */
  public record Lockout(int perUsername, int perAddress, Duration coolOff) {
    public Lockout {
      if (perUsername < 0 || perAddress < 0 || coolOff.isNegative() || coolOff.isZero()) {
        throw new IllegalArgumentException(
            "Lockout needs limits of 0 (off) or more and a positive cool-off, not "
                + perUsername
                + ", "
                + perAddress
                + ", "
                + coolOff);
      }
    }
  }

  /** The settings of a site, the defaults when it sets none. */
  public static AuthSettings of(Settings settings) {
    return settings.get(KEY).orElseGet(AuthSettings::defaults);
  }

  public AuthSettings withBcryptCost(int cost) {
    return copy(f -> f.bcryptCost = cost);
  }

  public AuthSettings withLoginUrl(String url) {
    return copy(f -> f.loginUrl = url);
  }

  public AuthSettings withLoginRedirectUrl(String url) {
    return copy(f -> f.loginRedirectUrl = url);
  }

  public AuthSettings withLogoutRedirectUrl(String url) {
    return copy(f -> f.logoutRedirectUrl = url);
  }

  public AuthSettings withLockout(Lockout lockout) {
    return copy(f -> f.lockout = lockout);
  }

  public AuthSettings withPasswordResetTimeout(Duration timeout) {
    return copy(f -> f.passwordResetTimeout = timeout);
  }

  public AuthSettings withFromEmail(String address) {
    return copy(f -> f.fromEmail = address);
  }

  public AuthSettings withBackends(AuthenticationBackend... backends) {
    return copy(f -> f.backends = List.of(backends));
  }

  private AuthSettings copy(Consumer<Fields> change) {
    Fields fields = new Fields(this);
    change.accept(fields);
    return new AuthSettings(
        fields.bcryptCost,
        fields.maxPasswordLength,
        fields.loginUrl,
        fields.loginRedirectUrl,
        fields.logoutRedirectUrl,
        fields.lockout,
        fields.passwordResetTimeout,
        fields.fromEmail,
        fields.backends);
  }

  /** The components, changeable, for the withers. */
  private static final class Fields {
    int bcryptCost;
    int maxPasswordLength;
    String loginUrl;
    String loginRedirectUrl;
    String logoutRedirectUrl;
    Lockout lockout;
    Duration passwordResetTimeout;
    String fromEmail;
    List<AuthenticationBackend> backends;

    Fields(AuthSettings from) {
      bcryptCost = from.bcryptCost;
      maxPasswordLength = from.maxPasswordLength;
      loginUrl = from.loginUrl;
      loginRedirectUrl = from.loginRedirectUrl;
      logoutRedirectUrl = from.logoutRedirectUrl;
      lockout = from.lockout;
      passwordResetTimeout = from.passwordResetTimeout;
      fromEmail = from.fromEmail;
      backends = from.backends;
    }
  }
}
