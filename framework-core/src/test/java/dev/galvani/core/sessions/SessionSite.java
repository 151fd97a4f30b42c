package dev.galvani.core.sessions;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.App;
import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.LocalMemoryCache;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.urls.Route;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A small site using sessions, shared by the session and message tests. */
public final class SessionSite {
  public static final String SECRET = "session-test-secret-with-enough-length-and-variety-0123";

  private SessionSite() {}

  /** Settings with DEBUG off, no environment, these middleware and the session views. */
  public static Settings settings(List<Middleware> middleware) {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of(SECRET))
        .staticRoot(Path.of("target", "no-static-root"))
        .middleware(middleware)
        .rootUrls(SessionSite::routes);
    return settings;
  }

  /** The site with sessions kept in a per-process cache, on this clock. */
  public static Galvani cacheSite(Clock clock) {
    Settings settings =
        settings(List.of(new SessionMiddleware(clock)))
            .set(SessionSettings.KEY, SessionSettings.defaults().withStore(new CacheSessionStore()))
            .apps(new CacheApp(new LocalMemoryCache(LocalMemoryCache.DEFAULT_MAX_ENTRIES, clock)));
    return new Galvani(settings);
  }

  /** The site with sessions in signed cookies (the default store), on this clock. */
  public static Galvani cookieSite(Clock clock) {
    return new Galvani(settings(List.of(new SessionMiddleware(clock))));
  }

  // snippet:cache-app
  /** Publishes the site's cache, where CacheSessionStore finds it. */
  public static final class CacheApp implements App {
    private final Cache cache;

    public CacheApp(Cache cache) {
      this.cache = cache;
    }

    @Override
    public String name() {
      return "cache";
    }

    @Override
    public void ready(Galvani galvani) {
      galvani.publish(Cache.KEY, cache);
    }
  }

  // end-snippet

  static List<Route> routes() {
    return List.of(
        path("count/", SessionSite::count, "count"),
        path("whoami/", SessionSite::whoami, "whoami"),
        path("login/", SessionSite::login, "login"),
        path("logout/", SessionSite::logout, "logout"),
        path("plain/", request -> Response.text("no session here"), "plain"),
        path("short/", SessionSite::shortSession, "short"),
        path("until-browser-closes/", SessionSite::untilBrowserCloses, "browser-close"),
        path("big/", SessionSite::big, "big"),
        path("visited-at/", SessionSite::visitedAt, "visited-at"),
        path(
            "visits-as-long/",
            request -> {
              Long visits = Session.of(request).get("visits", Long.class).orElseThrow();
              return Response.text(visits + " as " + visits.getClass().getSimpleName());
            }),
        path(
            "unstorable/",
            request -> {
              Session.of(request).set("thing", new Unwritable());
              return Response.text("stored?");
            }),
        path(
            "broken/",
            request -> {
              Session.of(request).set("half-done", true);
              throw new IllegalStateException("the view failed after changing the session");
            },
            "broken"));
  }

  // snippet:count
  static Response count(Request request) {
    Session session = Session.of(request);
    int visits = session.get("visits", Integer.class).orElse(0) + 1;
    session.set("visits", visits);
    return Response.text("visits: " + visits);
  }

  // end-snippet

  static Response whoami(Request request) {
    return Response.text(Session.of(request).get("user", String.class).orElse("anonymous"));
  }

  // snippet:login-logout
  static Response login(Request request) {
    // after checking the password: a new id, so an id seen before login is worthless
    Session session = Session.of(request);
    session.cycleKey();
    session.set("user", request.query().get("user", "ada"));
    return Response.text("logged in");
  }

  static Response logout(Request request) {
    Session.of(request).flush(); // data and stored session gone, the cookie is deleted
    return Response.text("logged out");
  }

  // end-snippet

  // snippet:expiry
  static Response shortSession(Request request) {
    Session session = Session.of(request);
    session.setExpiry(Duration.ofMinutes(5));
    session.set("user", "guest");
    return Response.text("for five minutes");
  }

  static Response untilBrowserCloses(Request request) {
    Session session = Session.of(request);
    session.setExpireAtBrowserClose(true);
    session.set("user", "kiosk");
    return Response.text("until the browser closes");
  }

  // end-snippet

  static Response big(Request request) {
    Session.of(request).set("essay", "x".repeat(5000));
    return Response.text("stored a lot");
  }

  // snippet:typed-values
  record Visit(String page, Instant at) {}

  static Response visitedAt(Request request) {
    Session session = Session.of(request);
    String previous =
        session
            .get("lastVisit", Visit.class)
            .map(visit -> visit.page() + " at " + visit.at())
            .orElse("none");
    session.set("lastVisit", new Visit(request.path(), Instant.parse("2026-05-01T10:00:00Z")));
    return Response.text("previous visit: " + previous);
  }

  // end-snippet

  /** A value Jackson cannot write: its only property fails. */
  static final class Unwritable {
    public String getName() {
      throw new UnsupportedOperationException("no name");
    }
  }

  /** A clock tests move forward by hand. */
  public static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
