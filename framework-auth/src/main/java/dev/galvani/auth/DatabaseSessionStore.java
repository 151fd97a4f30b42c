package dev.galvani.auth;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.BadRequest;
import dev.galvani.core.sessions.SessionStore;
import dev.galvani.orm.Database;
import dev.galvani.orm.ObjectDoesNotExist;
import dev.galvani.orm.Orm;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sessions in the default database's {@code auth_session} table, shared by every instance of the
 * site: the cookie carries only a random 256-bit key, so logging out deletes the session for good.
 * Expired rows are never read; {@code clearsessions} deletes them. Thread-safe.
 *
 * <pre>{@code
 * settings.set(SessionSettings.KEY, SessionSettings.defaults().withStore(new DatabaseSessionStore()));
 * }</pre>
 */
public final class DatabaseSessionStore implements SessionStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Override
  public Optional<String> load(Galvani galvani, String cookieValue) {
    return row(galvani, cookieValue).map(StoredSession::getSessionData);
  }

  /** The unexpired row behind a cookie value, if there is one. */
  static Optional<StoredSession> row(Galvani galvani, String cookieValue) {
    if (!isKey(cookieValue)) {
      return Optional.empty();
    }
    try {
      StoredSession stored =
          Orm.database(galvani).objects(StoredSession.class).get("sessionKey", cookieValue);
      return stored.getExpireDate().isAfter(Instant.now()) ? Optional.of(stored) : Optional.empty();
    } catch (ObjectDoesNotExist gone) {
      return Optional.empty();
    }
  }

  /** Whether a cookie value has the form of a key this store makes. */
  static boolean isKey(String cookieValue) {
    return KEY.matcher(cookieValue).matches();
  }

  @Override
  public String save(Galvani galvani, Optional<String> existing, String session, Duration ttl) {
    if (session.length() > StoredSession.MAX_DATA) {
      throw new IllegalArgumentException(
          "A session holds at most "
              + StoredSession.MAX_DATA
              + " characters of data, this one "
              + session.length()
              + "; keep large values in your own tables and their ids in the session");
    }
    Database db = Orm.database(galvani);
    Instant expires = Instant.now().plus(ttl);
    if (existing.isPresent() && KEY.matcher(existing.get()).matches()) {
      int updated =
          db.objects(StoredSession.class)
              .filter("sessionKey", existing.get())
              .update(Map.of("sessionData", session, "expireDate", expires));
      if (updated == 1) {
        return existing.get();
      }
      // deleted meanwhile (a logout in another request): it must not come back under a new key,
      // as Django's SessionInterrupted
      throw new BadRequest(
          "The session ended in another request (for example a logout) while this one ran;"
              + " reload the page to start a new one");
    }
    String key = newKey();
    db.save(new StoredSession(key, session, expires));
    return key;
  }

  @Override
  public void delete(Galvani galvani, String cookieValue) {
    if (KEY.matcher(cookieValue).matches()) {
      Orm.database(galvani).objects(StoredSession.class).filter("sessionKey", cookieValue).delete();
    }
  }

  /** Deletes every expired session; returns how many. What {@code clearsessions} runs. */
  public static int clearExpired(Galvani galvani) {
    return Orm.database(galvani)
        .objects(StoredSession.class)
        .filter("expireDate__lte", Instant.now())
        .delete();
  }

  private static String newKey() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return ENCODER.encodeToString(random);
  }

  @Override
  public String toString() {
    return "DatabaseSessionStore";
  }
}
