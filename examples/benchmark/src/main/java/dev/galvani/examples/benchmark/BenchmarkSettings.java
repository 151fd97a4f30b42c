package dev.galvani.examples.benchmark;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.cache.CacheApp;
import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.CacheSettings;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.urls.Route;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import dev.galvani.orm.views.ListView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark site written the way a Galvani user would: URL patterns, views returning {@link
 * Response}, the ORM with the {@link BenchmarkApp} models, the default middleware plus one that
 * names the server (TechEmpower requires a {@code Server} header; Jetty's own is turned off).
 * {@code DATABASE_URL} and {@code DATABASE_POOL_SIZE} choose the database, see {@link
 * BenchmarkDatabase}.
 */
public final class BenchmarkSettings extends Settings {
  /** Settings from the process environment and {@code .env}. */
  public BenchmarkSettings() {
    this(Env.system());
  }

  /** Settings from the given environment (tests). */
  public BenchmarkSettings(Env env) {
    super(env);
    debug(env().bool("DEBUG", false));
    secretKey(env().secret("SECRET_KEY", "insecure-dev-only-benchmark-key-set-SECRET_KEY"));
    rootUrls(BenchmarkSettings::urls);
    apps(new OrmApp(), new CacheApp(), new BenchmarkApp());
    set(
        CacheSettings.KEY,
        CacheSettings.fromEnv(env(), CacheApp.DEFAULT_URL)
            .cache("worlds", "caffeine://?max_entries=20000&timeout=forever"));
    int poolSize = BenchmarkDatabase.fromEnv(env()).poolSize();
    set(
        OrmSettings.KEY,
        OrmSettings.fromEnv(env(), BenchmarkDatabase.FALLBACK_URL)
            .configure(OrmSettings.DEFAULT, database -> database.withPoolSize(poolSize)));
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new ServerHeaderMiddleware()); // outermost: error pages get it too
    middleware.addAll(Settings.defaultMiddleware());
    middleware(middleware);
  }

  /** The root URL patterns. */
  public static List<Route> urls() {
    return List.of(
        path("json", BenchmarkSettings::json, "json"),
        path("plaintext", BenchmarkSettings::plaintext, "plaintext"),
        path("db", DatabaseViews::db, "db"),
        path("queries", DatabaseViews::queries, "queries"),
        path("updates", DatabaseViews::updates, "updates"),
        path("fortunes", DatabaseViews::fortunes, "fortunes"),
        path("cached-queries", DatabaseViews::cachedQueries, "cached-queries"),
        // the paginated list whose p99 latency is compared at 1,000 and 1,000,000 rows
        path(
            "items/",
            ListView.of(PageItem.class, "bench/page_items.html")
                .query(items -> items.orderBy("id"))
                .paginateBy(20),
            "item-list"));
  }

  /** TFB test 1: a freshly serialized object per request. */
  static Response json(Request request) {
    return Response.json(Map.of("message", "Hello, World!"));
  }

  /** TFB test 6: plain text. */
  static Response plaintext(Request request) {
    return Response.text("Hello, World!");
  }

  /** Adds {@code Server: Galvani} to every response. */
  public static final class ServerHeaderMiddleware implements Middleware {
    @Override
    public Handler wrap(Handler next) {
      return request -> next.handle(request).header("Server", "Galvani");
    }
  }
}
