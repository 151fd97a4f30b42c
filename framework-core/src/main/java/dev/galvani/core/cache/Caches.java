package dev.galvani.core.cache;

import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.http.Key;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A site's named caches (Django's {@code caches}): {@code caches.cache("default")}. {@code
 * framework-cache}'s {@code CacheApp} builds them from {@link CacheSettings} and publishes them
 * under {@link #KEY}; closing them closes the backends that hold connections.
 */
public final class Caches implements AutoCloseable {
  public static final Key<Caches> KEY = Key.of("galvani.caches", Caches.class);
  public static final String DEFAULT = "default";

  /** Makes a backend from a URL of its scheme. */
  @FunctionalInterface
  public interface Backend {
    /**
     * @throws ImproperlyConfigured when the URL or its options are wrong, saying how to fix it
     */
    Cache create(CacheUrl url);
  }

  private final Map<String, NamedCache> caches;

  public Caches(Map<String, NamedCache> caches) {
    if (!caches.containsKey(DEFAULT)) {
      throw new ImproperlyConfigured(
          "The caches " + caches.keySet() + " have none named 'default'; configure one");
    }
    this.caches = Collections.unmodifiableMap(new LinkedHashMap<>(caches));
  }

  /**
   * Builds every cache of the settings with the backends by scheme; on any problem, closes what it
   * built and throws.
   *
   * @throws ImproperlyConfigured naming the cache, its URL's problem and the fix
   */
  public static Caches build(CacheSettings settings, Map<String, Backend> backends) {
    Map<String, NamedCache> built = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> entry : settings.urls().entrySet()) {
        CacheUrl url = CacheUrl.parse(entry.getKey(), entry.getValue());
        Backend backend = backends.get(url.scheme());
        if (backend == null) {
          throw url.problem(
              "has an unknown scheme; the schemes are "
                  + new java.util.TreeSet<>(backends.keySet())
                  + " (caffeine:// and redis:// need framework-cache's CacheApp)");
        }
        Duration timeout = url.timeout();
        int version = url.version();
        built.put(
            entry.getKey(), new NamedCache(entry.getKey(), backend.create(url), timeout, version));
      }
      return new Caches(built);
    } catch (RuntimeException e) {
      built.values().forEach(cache -> closeQuietly(cache.backend()));
      throw e;
    }
  }

  /**
   * The caches a site published.
   *
   * @throws ImproperlyConfigured when none were (framework-cache's {@code CacheApp} is not listed)
   */
  public static Caches of(Galvani galvani) {
    return galvani
        .service(KEY)
        .orElseThrow(
            () ->
                new ImproperlyConfigured(
                    "The site has no caches: list new CacheApp() (framework-cache) in apps(...)"));
  }

  /** The cache of this name. */
  public NamedCache cache(String name) {
    NamedCache cache = caches.get(name);
    if (cache == null) {
      throw new IllegalArgumentException(
          "No cache named '" + name + "'; the configured ones are " + caches.keySet());
    }
    return cache;
  }

  /** The cache named {@code default}. */
  public NamedCache defaultCache() {
    return caches.get(DEFAULT);
  }

  public Set<String> names() {
    return caches.keySet();
  }

  @Override
  public void close() {
    caches.values().forEach(cache -> closeQuietly(cache.backend()));
  }

  private static void closeQuietly(Cache backend) {
    if (backend instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing at shutdown: nothing left to do with the error
      }
    }
  }
}
