package dev.galvani.core.sessions;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Key;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How sessions are kept: the cookie's name and attributes, how long a session lives, and the store.
 * Immutable; set it on the site's settings, starting from {@link #defaults()}:
 *
 * <pre>{@code
 * settings.set(
 *     SessionSettings.KEY,
 *     SessionSettings.defaults().withSecure(true).withStore(new CacheSessionStore()));
 * }</pre>
 *
 * @param cookieName the cookie carrying the session, {@code sessionid} by default
 * @param age how long a session lives after it was last saved, 2 weeks by default; also the
 *     cookie's Max-Age unless {@code expireAtBrowserClose}
 * @param expireAtBrowserClose send the cookie without Max-Age, so the browser drops it when it
 *     closes (the session still expires on the server after {@code age}); off by default
 * @param secure send the cookie only over HTTPS; off by default, turn it on in production
 * @param httpOnly hide the cookie from JavaScript; on by default
 * @param sameSite {@code Lax} (the default), {@code Strict} or {@code None}
 * @param domain the cookie's Domain attribute; empty (the default) means the current host only
 * @param path the cookie's Path, {@code /} by default
 * @param store where sessions live, {@link SignedCookieSessionStore} by default
 */
public record SessionSettings(
    String cookieName,
    Duration age,
    boolean expireAtBrowserClose,
    boolean secure,
    boolean httpOnly,
    String sameSite,
    Optional<String> domain,
    String path,
    SessionStore store) {
  /** Where the settings live: {@code settings.set(SessionSettings.KEY, ...)}. */
  public static final Key<SessionSettings> KEY = Key.of("SESSIONS", SessionSettings.class);

  private static final SessionSettings DEFAULTS =
      new SessionSettings(
          "sessionid",
          Duration.ofDays(14),
          false,
          false,
          true,
          "Lax",
          Optional.empty(),
          "/",
          new SignedCookieSessionStore());

  /** Checks the values now, so a mistake fails when the settings are built. */
  public SessionSettings {
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(store, "store");
    if (age.isZero() || age.isNegative()) {
      throw new IllegalArgumentException("The session age must be positive, not " + age);
    }
    // builds a cookie once, so a bad name, path, domain or SameSite fails here
    Cookie cookie = Cookie.of(cookieName, "").path(path).sameSite(sameSite);
    domain.ifPresent(cookie::domain);
  }

  /** The defaults: {@code sessionid}, 2 weeks, HttpOnly, SameSite=Lax, signed-cookie store. */
  public static SessionSettings defaults() {
    return DEFAULTS;
  }

  /** The site's session settings, or the defaults when it set none. */
  public static SessionSettings from(Settings settings) {
    return settings.get(KEY).orElse(DEFAULTS);
  }

  public SessionSettings withCookieName(String cookieName) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withAge(Duration age) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withExpireAtBrowserClose(boolean expireAtBrowserClose) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withSecure(boolean secure) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withHttpOnly(boolean httpOnly) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withSameSite(String sameSite) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withDomain(String domain) {
    return new SessionSettings(
        cookieName,
        age,
        expireAtBrowserClose,
        secure,
        httpOnly,
        sameSite,
        Optional.of(domain),
        path,
        store);
  }

  public SessionSettings withPath(String path) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  public SessionSettings withStore(SessionStore store) {
    return new SessionSettings(
        cookieName, age, expireAtBrowserClose, secure, httpOnly, sameSite, domain, path, store);
  }

  /** The session cookie with these attributes and a value; Max-Age is left to the caller. */
  Cookie cookie(String value) {
    Cookie cookie =
        Cookie.of(cookieName, value)
            .path(path)
            .secure(secure)
            .httpOnly(httpOnly)
            .sameSite(sameSite);
    return domain.isPresent() ? cookie.domain(domain.get()) : cookie;
  }
}
