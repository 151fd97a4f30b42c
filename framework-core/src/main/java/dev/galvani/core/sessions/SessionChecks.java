package dev.galvani.core.sessions;

import dev.galvani.core.Galvani;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.checks.Check;
import dev.galvani.core.checks.CheckMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The session checks. They report only for sites with {@link SessionMiddleware} in their
 * middleware, so the runtime can run them for every site.
 *
 * <ul>
 *   <li>{@code sessions.E001} (startup): {@link CacheSessionStore} is chosen but no {@link Cache}
 *       is published under {@link Cache#KEY}.
 *   <li>{@code sessions.W001} (deploy): the session cookie is not {@code Secure}.
 *   <li>{@code sessions.W002} (deploy): the session cookie is not {@code HttpOnly}.
 *   <li>{@code sessions.W003} (deploy): more than one instance is declared ({@link
 *       dev.galvani.core.Settings#instances}) but sessions live in a {@link LocalMemoryCache}.
 * </ul>
 */
public final class SessionChecks {
  private SessionChecks() {}

  /** Checks run when the runtime is built; errors stop the site from starting. */
  public static List<Check> startup() {
    return List.of(SessionChecks::cacheStoreHasACache);
  }

  /** Checks run by {@code check --deploy}. */
  public static List<Check> deploy() {
    return List.of(SessionChecks::cookieIsSafe, SessionChecks::storeIsShared);
  }

  private static boolean usesSessions(Galvani galvani) {
    return galvani.settings().middleware().stream()
        .anyMatch(middleware -> middleware instanceof SessionMiddleware);
  }

  private static List<CheckMessage> cacheStoreHasACache(Galvani galvani) {
    SessionSettings settings = SessionSettings.from(galvani.settings());
    if (usesSessions(galvani)
        && settings.store() instanceof CacheSessionStore
        && galvani.service(Cache.KEY).isEmpty()) {
      return List.of(
          CheckMessage.error(
              "sessions.E001",
              "Sessions use CacheSessionStore, but no cache is published under Cache.KEY",
              "publish one in an App's ready(galvani): galvani.publish(Cache.KEY, new"
                  + " LocalMemoryCache()), or a shared backend for several instances"));
    }
    return List.of();
  }

  private static List<CheckMessage> storeIsShared(Galvani galvani) {
    int instances = galvani.settings().instances();
    if (usesSessions(galvani)
        && instances > 1
        && SessionSettings.from(galvani.settings()).store() instanceof CacheSessionStore
        && galvani.service(Cache.KEY).orElse(null) instanceof LocalMemoryCache) {
      return List.of(
          CheckMessage.warning(
              "sessions.W003",
              "Sessions live in this process's LocalMemoryCache, but "
                  + instances
                  + " instances are declared: a visitor sent to another instance loses the"
                  + " session",
              "publish a shared cache (Redis) under Cache.KEY, or use a store every instance"
                  + " reads, such as framework-auth's DatabaseSessionStore"));
    }
    return List.of();
  }

  private static List<CheckMessage> cookieIsSafe(Galvani galvani) {
    if (!usesSessions(galvani)) {
      return List.of();
    }
    SessionSettings settings = SessionSettings.from(galvani.settings());
    List<CheckMessage> found = new ArrayList<>();
    if (!settings.secure()) {
      found.add(
          CheckMessage.warning(
              "sessions.W001",
              "The session cookie is sent over plain HTTP too, where it can be stolen",
              "serve the site over HTTPS and set SessionSettings.defaults().withSecure(true)"));
    }
    if (!settings.httpOnly()) {
      found.add(
          CheckMessage.warning(
              "sessions.W002",
              "The session cookie is readable by JavaScript, so an XSS flaw can steal it",
              "keep SessionSettings.httpOnly true"));
    }
    return found;
  }
}
