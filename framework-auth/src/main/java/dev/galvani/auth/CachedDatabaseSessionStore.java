package dev.galvani.auth;

import dev.galvani.core.Galvani;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.sessions.SessionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions in the database with a copy in the site's {@link Cache}, Django's {@code cached_db}:
 * reads come from the cache when they can, writes go to both, so a session survives a cache restart
 * and a cache shared by the instances (Redis) spares the database most reads. Needs a cache
 * published under {@link Cache#KEY} ({@code auth.E001} otherwise). Thread-safe.
 */
public final class CachedDatabaseSessionStore implements SessionStore {
  /** The prefix of the cache keys holding session copies. */
  public static final String PREFIX = "galvani.auth.sessions:";

  private final DatabaseSessionStore database = new DatabaseSessionStore();

  @Override
  public Optional<String> load(Galvani galvani, String cookieValue) {
    if (!DatabaseSessionStore.isKey(cookieValue)) {
      return Optional.empty();
    }
    Cache cache = cache(galvani);
    Optional<byte[]> cached = cache.get(PREFIX + cookieValue);
    if (cached.isPresent()) {
      return Optional.of(new String(cached.get(), StandardCharsets.UTF_8));
    }
    Optional<StoredSession> row = DatabaseSessionStore.row(galvani, cookieValue);
    row.ifPresent(
        stored ->
            cache.set(
                PREFIX + cookieValue,
                stored.getSessionData().getBytes(StandardCharsets.UTF_8),
                Duration.between(Instant.now(), stored.getExpireDate())));
    return row.map(StoredSession::getSessionData);
  }

  @Override
  public String save(Galvani galvani, Optional<String> existing, String session, Duration ttl) {
    String key = database.save(galvani, existing, session, ttl);
    Cache cache = cache(galvani);
    cache.set(PREFIX + key, session.getBytes(StandardCharsets.UTF_8), ttl);
    existing
        .filter(old -> !old.equals(key) && DatabaseSessionStore.isKey(old))
        .ifPresent(old -> cache.delete(PREFIX + old));
    return key;
  }

  @Override
  public void delete(Galvani galvani, String cookieValue) {
    // the row first: a load that misses the cache afterwards finds nothing to copy back
    database.delete(galvani, cookieValue);
    if (DatabaseSessionStore.isKey(cookieValue)) {
      cache(galvani).delete(PREFIX + cookieValue);
    }
  }

  static Cache cache(Galvani galvani) {
    return galvani
        .service(Cache.KEY)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "CachedDatabaseSessionStore needs a cache published under Cache.KEY"));
  }

  @Override
  public String toString() {
    return "CachedDatabaseSessionStore";
  }
}
