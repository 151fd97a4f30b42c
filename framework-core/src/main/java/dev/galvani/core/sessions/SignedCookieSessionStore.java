package dev.galvani.core.sessions;

import dev.galvani.core.Galvani;
import dev.galvani.core.security.Signer;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the whole session in the cookie, signed with the SECRET_KEY (salt {@value #SALT}) and
 * timestamped: nothing is stored on the server, so it works across several instances of a site with
 * no shared store. The default store.
 *
 * <p>The client can read the data (it is signed, not encrypted), and cannot change it. A cookie
 * older than {@link SessionSettings#age()} is refused whatever {@link Session#setExpiry} said.
 * Since the server keeps nothing, {@link Session#flush()} cannot revoke a copy of an old cookie
 * before it expires; use {@link CacheSessionStore} where logout must end a session everywhere.
 * Browsers keep cookies up to about 4 KB, so keep the session small. Thread-safe.
 */
public final class SignedCookieSessionStore implements SessionStore {
  /** The signer salt, so session cookies are never valid as any other signed value. */
  public static final String SALT = "galvani.sessions";

  @Override
  public Optional<String> load(Galvani galvani, String cookieValue) {
    Duration maxAge = SessionSettings.from(galvani.settings()).age();
    return signer(galvani).unsign(cookieValue, maxAge);
  }

  @Override
  public String save(Galvani galvani, Optional<String> existing, String session, Duration ttl) {
    return signer(galvani).sign(session);
  }

  @Override
  public void delete(Galvani galvani, String cookieValue) {
    // the data lives only in the cookie, which the middleware deletes
  }

  private static Signer signer(Galvani galvani) {
    return galvani.signer(SALT);
  }

  @Override
  public String toString() {
    return "SignedCookieSessionStore";
  }
}
