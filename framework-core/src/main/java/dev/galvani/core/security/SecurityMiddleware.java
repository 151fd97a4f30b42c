package dev.galvani.core.security;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;

/**
 * Validates the Host against ALLOWED_HOSTS (400 otherwise), redirects plain HTTP to HTTPS when
 * {@code sslRedirect} is on, and adds the security headers every response carries:
 * X-Content-Type-Options nosniff, Referrer-Policy, Cross-Origin-Opener-Policy, and HSTS on HTTPS
 * when configured. A header the view set is never overwritten.
 */
public final class SecurityMiddleware implements Middleware {
  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Settings settings = request.galvani().settings();
      String host = request.host(); // validates: a bad Host is a 400 before any view runs
      Response response;
      if (settings.sslRedirect() && !request.isSecure()) {
        String hostOnly =
            host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        response = Response.redirectExternal("https://" + hostOnly + request.fullPath());
        response.withStatus(301);
      } else {
        response = next.handle(request);
      }
      Headers headers = response.headers();
      headers.setIfAbsent("X-Content-Type-Options", "nosniff");
      if (!settings.referrerPolicy().isEmpty()) {
        headers.setIfAbsent("Referrer-Policy", settings.referrerPolicy());
      }
      if (!settings.crossOriginOpenerPolicy().isEmpty()) {
        headers.setIfAbsent("Cross-Origin-Opener-Policy", settings.crossOriginOpenerPolicy());
      }
      if (settings.hstsSeconds() > 0 && request.isSecure()) {
        headers.setIfAbsent(
            "Strict-Transport-Security",
            "max-age="
                + settings.hstsSeconds()
                + (settings.hstsIncludeSubdomains() ? "; includeSubDomains" : "")
                + (settings.hstsPreload() ? "; preload" : ""));
      }
      return response;
    };
  }
}
