package dev.galvani.core.sessions;

import dev.galvani.core.Galvani;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.http.BadRequest;
import dev.galvani.core.http.ServiceUnavailable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps sessions in the site's {@link Cache} (published under {@link Cache#KEY}) under the key
 * {@value #PREFIX}{@code <id>}; the cookie carries only the id: 256 random bits from {@link
 * SecureRandom}, base64url-encoded (43 characters). A session lives in the cache for its expiry,
 * and {@link Session#flush()} deletes it, so a copied cookie stops working at logout.
 *
 * <p>Ids are only ever made here: an id the cache does not hold is never adopted, the session gets
 * a new one (no session fixation). With a shared cache (Redis) several instances share sessions;
 * with {@code LocalMemoryCache} sessions are per process and lost on restart. Thread-safe.
 */
public final class CacheSessionStore implements SessionStore {
  /** The prefix of the cache keys holding sessions. */
  public static final String PREFIX = "galvani.sessions:";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Override
  public Optional<String> load(Galvani galvani, String cookieValue) {
    if (!ID.matcher(cookieValue).matches()) {
      return Optional.empty();
    }
    return cache(galvani)
        .get(PREFIX + cookieValue)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public String save(Galvani galvani, Optional<String> existing, String session, Duration ttl) {
    Cache cache = cache(galvani);
    byte[] value = session.getBytes(StandardCharsets.UTF_8);
    if (existing.isPresent() && ID.matcher(existing.get()).matches()) {
      // a session deleted meanwhile (a logout in another request) must not come back, as in
      // Django; check-then-set leaves the same small window Django's cache backend has
      if (cache.get(PREFIX + existing.get()).isEmpty()) {
        throw new BadRequest(
            "The session ended in another request (for example a logout) while this one ran;"
                + " reload the page to start a new one");
      }
      cache.set(PREFIX + existing.get(), value, ttl);
      return existing.get();
    }
    // a clash of two random 256-bit ids does not happen; a cache that stores nothing (a shared
    // cache that is down and set to fail open) must not spin this request forever
    for (int attempt = 0; attempt < 3; attempt++) {
      String id = newId();
      if (cache.add(PREFIX + id, value, ttl)) {
        return id;
      }
    }
    throw new ServiceUnavailable(
        "The session could not be saved because the cache is not storing values; try again"
            + " shortly",
        5,
        null);
  }

  @Override
  public void delete(Galvani galvani, String cookieValue) {
    if (ID.matcher(cookieValue).matches()) {
      cache(galvani).delete(PREFIX + cookieValue);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  private static Cache cache(Galvani galvani) {
    return galvani
        .service(Cache.KEY)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "CacheSessionStore needs a cache: publish one in an App's ready(galvani) with"
                        + " galvani.publish(Cache.KEY, new LocalMemoryCache()) or a shared backend"));
  }

  @Override
  public String toString() {
    return "CacheSessionStore";
  }
}
