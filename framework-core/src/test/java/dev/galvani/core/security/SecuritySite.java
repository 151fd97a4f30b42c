package dev.galvani.core.security;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Env;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Response;
import dev.galvani.core.urls.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small site with the default middleware, for the security tests. */
final class SecuritySite {
  private SecuritySite() {}

  static Settings settings() {
    return new Settings(new Env(Map.of(), Map.of()))
        .secretKey(Secret.of("security-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"))
        .allowedHosts(List.of("localhost", "example.com", ".example.org"))
        .staticRoot(Path.of("target", "no-static-root"))
        .rootUrls(SecuritySite::routes);
  }

  static List<Route> routes() {
    return List.of(
        path("", request -> Response.text("home"), "home"),
        path(
            "form/",
            request -> Response.render(request, "securitytest/form.html", Map.of()),
            "form"),
        path(
            "comment/",
            request -> Response.text("saved " + request.form().get("text", "")),
            "comment"),
        path("api/items/", request -> Response.json(Map.of("ok", true)), "api"),
        // snippet:csrf-exempt
        path("webhooks/payment/", request -> Response.text("received"), "payment-webhook")
            .option(Csrf.EXEMPT, true),
        // end-snippet
        path("embed/", request -> Response.text("framed"), "embed")
            .option(XFrameOptionsMiddleware.EXEMPT, true),
        path(
            "own-headers/",
            request ->
                Response.text("own")
                    .header("X-Frame-Options", "SAMEORIGIN")
                    .header("Referrer-Policy", "no-referrer"),
            "own-headers"),
        // snippet:safe-next
        path(
            "login/",
            request -> {
              String next = request.query().get("next", "/");
              return RedirectTargets.redirect(request, next, "/");
            },
            "login"),
        // end-snippet
        path("token/", request -> Response.text(Csrf.token(request)), "token"),
        path(
            "rotate/",
            request -> {
              Csrf.rotate(request);
              return Response.text("rotated");
            },
            "rotate"),
        path(
            "absolute/",
            request -> Response.text(request.scheme() + "://" + request.host()),
            "absolute"));
  }
}
