package dev.galvani.cache;

import static dev.galvani.cache.CachePage.cachePage;
import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.sessions.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small site with cached routes; each view counts how often it really ran. */
final class CacheSite {
  final AtomicInteger runs = new AtomicInteger();

  /** Settings with these middleware and CACHE_URL, and CacheApp listed. */
  Settings settings(String cacheUrl, List<Middleware> middleware) {
    Settings settings = new Settings(new Env(Map.of("CACHE_URL", cacheUrl), Map.of()));
    settings
        .secretKey(Secret.of("cache-test-secret-with-enough-length-and-variety-0123"))
        .staticRoot(Path.of("target", "no-static-root"))
        .middleware(middleware)
        .apps(new CacheApp())
        .rootUrls(this::routes);
    return settings;
  }

  Galvani site(String cacheUrl, List<Middleware> middleware) {
    return new Galvani(settings(cacheUrl, middleware));
  }

  private Response counted(Request request) {
    return Response.text("view ran " + runs.incrementAndGet() + " times");
  }

  List<dev.galvani.core.urls.Route> routes() {
    Duration minute = Duration.ofMinutes(1);
    return List.of(
        // snippet:cache-page
        path("counted/", cachePage(Duration.ofMinutes(1), this::counted), "counted"),
        // end-snippet
        path(
            "private/",
            cachePage(minute, request -> counted(request).header("Cache-Control", "private")),
            "private"),
        path(
            "cookie/",
            cachePage(minute, request -> counted(request).cookie(Cookie.of("seen", "yes"))),
            "cookie"),
        path(
            "user/",
            cachePage(
                minute,
                request -> {
                  request.set(Request.AUTHENTICATED, true);
                  return counted(request);
                }),
            "user"),
        path(
            "session/",
            cachePage(
                minute,
                request -> {
                  Session.of(request).get("theme", String.class);
                  return counted(request);
                }),
            "session"),
        path(
            "max-age/",
            cachePage(minute, request -> counted(request).header("Cache-Control", "max-age=5")),
            "max-age"),
        path(
            "language/",
            request ->
                counted(request)
                    .header("Content-Language", request.header("Accept-Language").orElse("en"))
                    .varyOn("Accept-Language"),
            "language"),
        path(
            "nonce/",
            cachePage(
                minute,
                request ->
                    Response.html(
                        "<script nonce=\""
                            + ContentSecurityPolicyMiddleware.nonce(request).orElse("")
                            + "\">go("
                            + runs.incrementAndGet()
                            + ")</script>")),
            "nonce"),
        path("page/", this::counted, "page"));
  }
}
