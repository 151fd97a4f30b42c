package dev.galvani.cache;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheSettings;
import dev.galvani.core.cache.CacheUrl;
import dev.galvani.core.cache.Caches;
import dev.galvani.core.cache.DummyCache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.checks.Check;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.health.Probe;
import dev.galvani.core.middleware.Middleware;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.thymeleaf.dialect.IDialect;

/**
 * Builds the site's named caches from {@link CacheSettings} (or, without them, one default cache
 * from {@code CACHE_URL}, {@code caffeine://} when unset) and publishes them: {@link Caches#KEY}
 * for the caches, and {@link Cache#KEY} for the default one's bytes (what the cache session stores
 * use). The schemes: {@code caffeine://}, {@code redis://}/{@code rediss://}, {@code locmem://} and
 * {@code dummy://}.
 *
 * <p>A wrong URL stops startup with {@code cache.E001}; {@code check --deploy} warns about a dummy
 * default cache ({@code cache.W001}) and a per-process one on several instances ({@code
 * cache.W002}).
 */
public final class CacheApp implements App {
  /** The default cache when neither settings nor {@code CACHE_URL} name one. */
  public static final String DEFAULT_URL = "caffeine://";

  @Override
  public String name() {
    return "cache";
  }

  /** The backends by URL scheme. */
  public static Map<String, Caches.Backend> backends() {
    return Map.of(
        "caffeine", CaffeineCache::fromUrl,
        "redis", RedisCache::fromUrl,
        "rediss", RedisCache::fromUrl,
        "locmem", CacheApp::localMemory,
        "dummy", CacheApp::dummy);
  }

  /** The cache settings of a site: its own, or the default cache from {@code CACHE_URL}. */
  public static CacheSettings settingsOf(Settings settings) {
    return settings
        .get(CacheSettings.KEY)
        .orElseGet(() -> CacheSettings.fromEnv(settings.env(), DEFAULT_URL));
  }

  /** Adds {@code galvani:cache}, the template fragment cache. */
  @Override
  public List<IDialect> templateDialects() {
    return List.of(new FragmentCacheDialect());
  }

  /** One probe per Redis cache (a PING); process-local caches cannot be away. */
  @Override
  public List<Probe> readinessProbes() {
    return List.of(
        new Probe() {
          @Override
          public String name() {
            return "cache";
          }

          @Override
          public void check(Galvani galvani) {
            Caches caches = Caches.of(galvani);
            for (String name : caches.names()) {
              if (caches.cache(name).backend() instanceof RedisCache redis) {
                redis.ping();
              }
            }
          }
        });
  }

  @Override
  public void ready(Galvani galvani) {
    Caches caches;
    try {
      caches = Caches.build(settingsOf(galvani.settings()), backends());
    } catch (ImproperlyConfigured e) {
      return; // cache.E001 reports it
    }
    galvani.onClose(caches);
    galvani.publish(Caches.KEY, caches);
    galvani.publish(Cache.KEY, caches.defaultCache().raw());
  }

  @Override
  public List<Check> checks() {
    return List.of(
        CacheApp::pageCacheMiddleware,
        galvani -> {
          if (galvani.service(Caches.KEY).isPresent()) {
            return List.of();
          }
          String problem;
          try {
            Caches.build(settingsOf(galvani.settings()), backends()).close();
            problem = "the caches could not be built";
          } catch (ImproperlyConfigured e) {
            problem = e.getMessage();
          }
          return List.of(
              CheckMessage.error(
                  "cache.E001",
                  problem,
                  "fix CACHE_URL or CacheSettings: caffeine://?max_entries=10000,"
                      + " redis://host:6379/0?key_prefix=site, locmem:// or dummy://"));
        });
  }

  @Override
  public List<Check> deployChecks() {
    return List.of(
        galvani -> {
          CacheSettings cacheSettings = settingsOf(galvani.settings());
          String url = cacheSettings.urls().getOrDefault(Caches.DEFAULT, "");
          String scheme = CacheUrl.parse(Caches.DEFAULT, url).scheme();
          List<CheckMessage> warnings = new ArrayList<>();
          cacheSettings
              .urls()
              .forEach(
                  (name, cacheUrl) -> {
                    CacheUrl parsed = CacheUrl.parse(name, cacheUrl);
                    if (parsed.scheme().startsWith("redis")
                        && !parsed.options().containsKey("key_prefix")) {
                      warnings.add(
                          CheckMessage.warning(
                              "cache.W003",
                              "Cache '"
                                  + name
                                  + "' on Redis has no key_prefix, so its keys start with '"
                                  + name
                                  + ":' as those of any other site's cache of that name on the"
                                  + " same database: they share and clear each other's keys",
                              "add ?key_prefix=<your site> to its URL"));
                    }
                  });
          if (scheme.equals("dummy")) {
            warnings.add(
                CheckMessage.warning(
                    "cache.W001",
                    "The default cache is dummy://, which stores nothing",
                    "set CACHE_URL to caffeine:// (one instance) or redis://... (several)"));
          }
          if (Set.of("caffeine", "locmem").contains(scheme) && galvani.settings().instances() > 1) {
            warnings.add(
                CheckMessage.warning(
                    "cache.W002",
                    "The default cache ("
                        + scheme
                        + "://) lives in each process, but the site runs "
                        + galvani.settings().instances()
                        + " instances: what one caches or deletes, the others do not see",
                    "set CACHE_URL to a shared Redis: redis://host:6379/0?key_prefix=site"));
          }
          return warnings;
        });
  }

  /** cache.E002: the site-wide page cache's two halves, their order and their caches. */
  private static List<CheckMessage> pageCacheMiddleware(Galvani galvani) {
    List<Middleware> middleware = galvani.settings().middleware();
    int update = -1;
    int fetch = -1;
    List<PageCache> pages = new ArrayList<>();
    for (int i = 0; i < middleware.size(); i++) {
      if (middleware.get(i) instanceof UpdateCacheMiddleware half) {
        update = i;
        pages.add(half.pages());
      } else if (middleware.get(i) instanceof FetchFromCacheMiddleware half) {
        fetch = i;
        pages.add(half.pages());
      }
    }
    String fix =
        "list UpdateCacheMiddleware first and FetchFromCacheMiddleware last, with the same"
            + " PageCache";
    if (update < 0 && fetch < 0) {
      return List.of();
    }
    if (update < 0 || fetch < 0 || update > fetch) {
      return List.of(
          CheckMessage.error(
              "cache.E002",
              update < 0 || fetch < 0
                  ? "Only one half of the site-wide page cache is listed, so no page is ever stored"
                  : "FetchFromCacheMiddleware comes before UpdateCacheMiddleware, so no page is"
                      + " ever stored",
              fix));
    }
    Optional<Caches> caches = galvani.service(Caches.KEY);
    for (PageCache page : pages) {
      if (caches.isPresent() && !caches.get().names().contains(page.alias())) {
        return List.of(
            CheckMessage.error(
                "cache.E002",
                "The page cache uses the cache '"
                    + page.alias()
                    + "', but the caches are "
                    + caches.get().names(),
                "add it to CacheSettings, or use PageCache.alias(...) with one of those"));
      }
    }
    return List.of();
  }

  private static Cache localMemory(CacheUrl url) {
    url.requireOptions(Set.of("max_entries"));
    long max = url.longOption("max_entries", LocalMemoryCache.DEFAULT_MAX_ENTRIES, 1);
    return new LocalMemoryCache((int) Math.min(Integer.MAX_VALUE, max), Clock.systemUTC());
  }

  private static Cache dummy(CacheUrl url) {
    url.requireOptions(Set.of());
    return new DummyCache();
  }
}
