package dev.galvani.core.sessions;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request a {@link Session} ({@link Session#of(Request)}), read lazily from the cookie
 * named in {@link SessionSettings} and saved after the view:
 *
 * <ul>
 *   <li>a session the view never touched costs nothing: no store access, no cookie, no header;
 *   <li>a touched session adds {@code Vary: Cookie}, since the page may depend on it;
 *   <li>a changed session is saved and its cookie (re)sent, except after a 5xx response;
 *   <li>a session that ends up empty, by {@link Session#flush()} or otherwise, has its cookie
 *       deleted;
 *   <li>a cookie that is garbage, forged, expired or unknown to the store gives a fresh, empty
 *       session, and never an error.
 * </ul>
 *
 * <p>Place it before any middleware that uses sessions (messages, authentication, CSRF). A cookie
 * over {@value #MAX_COOKIE_BYTES} bytes, which browsers would drop, is an error in DEBUG and an
 * error log line in production (the cookie is then not sent). Thread-safe.
 */
public final class SessionMiddleware implements Middleware {
  /** The largest {@code name=value} browsers reliably keep. */
  public static final int MAX_COOKIE_BYTES = 4093;

  private static final Logger LOG = LoggerFactory.getLogger(SessionMiddleware.class);
  private static final int MAX_COOKIE_VALUE_CHARS = 8192;

  private final Clock clock;

  /** Sessions expiring by the system clock. */
  public SessionMiddleware() {
    this(Clock.systemUTC());
  }

  /** Sessions expiring by this clock (tests move it to expire sessions). */
  public SessionMiddleware(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      SessionSettings settings = SessionSettings.from(request.galvani().settings());
      Optional<String> cookie =
          request
              .cookie(settings.cookieName())
              .filter(value -> !value.isEmpty() && value.length() <= MAX_COOKIE_VALUE_CHARS);
      Session session = new Session(() -> load(request.galvani(), settings, cookie), settings);
      request.set(Session.KEY, session);
      Response response = next.handle(request);
      if (session.wasAccessed()) {
        response.varyOn("Cookie");
        save(request, settings, cookie, session, response);
      }
      return response;
    };
  }

  private Optional<SessionCodec.Stored> load(
      Galvani galvani, SessionSettings settings, Optional<String> cookie) {
    return cookie
        .flatMap(value -> settings.store().load(galvani, value))
        .flatMap(text -> SessionCodec.decode(text, clock.instant()));
  }

  private void save(
      Request request,
      SessionSettings settings,
      Optional<String> cookie,
      Session session,
      Response response) {
    Galvani galvani = request.galvani();
    SessionStore store = settings.store();
    // a key is reused only when the store holds it: a client never chooses its session id
    Optional<String> existing = session.loadedFromStore() ? cookie : Optional.empty();
    if (existing.isPresent() && (session.needsNewKey() || session.isEmpty())) {
      store.delete(galvani, existing.get());
      existing = Optional.empty();
    }
    if (session.isEmpty()) {
      if (request.cookie(settings.cookieName()).isPresent()) {
        response.cookie(settings.cookie("").maxAge(Duration.ZERO));
      }
      return;
    }
    if (!session.isModified() || response.status() >= 500) {
      return;
    }
    Duration age = session.expiry();
    Instant expiresAt = clock.instant().plus(age);
    String text = SessionCodec.encode(session.toStored(), expiresAt);
    String value = store.save(galvani, existing, text, age);
    int size = settings.cookieName().length() + 1 + value.length();
    if (size > MAX_COOKIE_BYTES) {
      String problem =
          "The session cookie '"
              + settings.cookieName()
              + "' would be "
              + size
              + " bytes, more than the "
              + MAX_COOKIE_BYTES
              + " browsers keep, so it was not sent. Keep less in the session (the keys are "
              + Arrays.toString(session.names().toArray())
              + ") or use CacheSessionStore";
      if (galvani.settings().debug()) {
        throw new IllegalStateException(problem);
      }
      LOG.error("{} ({})", problem, request);
      return;
    }
    Cookie sessionCookie = settings.cookie(value);
    response.cookie(session.expiresAtBrowserClose() ? sessionCookie : sessionCookie.maxAge(age));
  }
}
