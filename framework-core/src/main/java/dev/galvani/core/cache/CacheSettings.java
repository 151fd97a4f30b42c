package dev.galvani.core.cache;

import dev.galvani.core.Env;
import dev.galvani.core.http.Key;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named caches of a site, kept in {@code Settings} under {@link #KEY}, each by its URL (see
 * {@link CacheUrl}). {@code framework-cache}'s {@code CacheApp} builds them into {@link Caches}.
 *
 * <pre>{@code
 * set(CacheSettings.KEY, CacheSettings.fromEnv(env(), "caffeine://").cache("pages", "caffeine://?max_entries=500"));
 * }</pre>
 */
public final class CacheSettings {
  public static final Key<CacheSettings> KEY = Key.of("cache.settings", CacheSettings.class);

  private final Map<String, String> urls = new LinkedHashMap<>();

  /** One {@code default} cache at {@code url}. */
  public static CacheSettings of(String url) {
    return new CacheSettings().cache(Caches.DEFAULT, url);
  }

  /** The default cache from {@code CACHE_URL}, with {@code fallbackUrl} when it is unset. */
  public static CacheSettings fromEnv(Env env, String fallbackUrl) {
    return of(env.str("CACHE_URL", fallbackUrl));
  }

  /** Adds (or replaces) a named cache. */
  public CacheSettings cache(String name, String url) {
    urls.put(name, url);
    return this;
  }

  /** The caches' URLs by name, in the order given. */
  public Map<String, String> urls() {
    return Collections.unmodifiableMap(urls);
  }

  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    urls.forEach((name, url) -> shown.put(name, CacheUrl.masked(url)));
    return shown.toString();
  }
}
