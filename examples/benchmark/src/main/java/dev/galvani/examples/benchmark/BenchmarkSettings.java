package dev.galvani.examples.benchmark;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.urls.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark site written the way a Galvani user would: URL patterns, views returning {@link
 * Response}, the default middleware plus one that names the server (TechEmpower requires a {@code
 * Server} header; Jetty's own is turned off).
 */
public final class BenchmarkSettings extends Settings {
  public BenchmarkSettings() {
    debug(env().bool("DEBUG", false));
    secretKey(env().secret("SECRET_KEY", "insecure-dev-only-benchmark-key-set-SECRET_KEY"));
    rootUrls(BenchmarkSettings::urls);
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new ServerHeaderMiddleware()); // outermost: error pages get it too
    middleware.addAll(Settings.defaultMiddleware());
    middleware(middleware);
  }

  /** The root URL patterns. */
  public static List<Route> urls() {
    return List.of(
        path("json", BenchmarkSettings::json, "json"),
        path("plaintext", BenchmarkSettings::plaintext, "plaintext"));
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
