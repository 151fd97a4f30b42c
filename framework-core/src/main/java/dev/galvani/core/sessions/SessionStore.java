package dev.galvani.core.sessions;

import dev.galvani.core.Galvani;
import java.time.Duration;
import java.util.Optional;

/**
 * Where sessions live between requests. A store keeps a session's encoded text (JSON, written and
 * checked by {@link SessionMiddleware}) and decides what the cookie carries: the data itself
 * ({@link SignedCookieSessionStore}) or an id ({@link CacheSessionStore}). Choose one with {@link
 * SessionSettings#withStore}. Implementations must be thread-safe and must treat every cookie value
 * as hostile: a value they cannot use is an absent session, never an exception.
 */
public interface SessionStore {
  /**
   * The session text for a cookie value the client sent, if the store knows and trusts it.
   *
   * @param cookieValue any string a client may send, up to the size of a request header
   */
  Optional<String> load(Galvani galvani, String cookieValue);

  /**
   * Saves the session text and returns the cookie value to send.
   *
   * @param existing the cookie value of a session this store loaded in this request, to overwrite;
   *     empty for a new session (or a new key), for which the store makes a new id
   * @param ttl how long the store should keep it
   */
  String save(Galvani galvani, Optional<String> existing, String session, Duration ttl);

  /** Forgets the session behind a cookie value (logout); a no-op when the cookie carries it all. */
  void delete(Galvani galvani, String cookieValue);
}
