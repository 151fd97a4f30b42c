package dev.galvani.core.security;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.PermissionDenied;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejects unsafe requests (POST, PUT, PATCH, DELETE, ...) that do not prove they come from the
 * site: the Origin header (when sent) must be the site's own or a trusted origin, on HTTPS a
 * Referer is required and checked the same way, and a CSRF token from the form field {@code
 * csrfmiddlewaretoken} or the {@code X-CSRFToken} header must match the secret in the {@code
 * csrftoken} cookie. Failures are 403 with the reason shown in DEBUG and logged on {@code
 * galvani.security}. A malformed secret cookie is replaced, never an error.
 */
public final class CsrfMiddleware implements Middleware {
  private static final Logger SECURITY_LOG = LoggerFactory.getLogger("galvani.security");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Csrf.State state = new Csrf.State();
      String cookie = request.cookie(Csrf.COOKIE_NAME).orElse("");
      if (Csrf.isWellFormed(cookie, Csrf.SECRET_LENGTH)) {
        state.secret = cookie;
      } else if (!cookie.isEmpty()) {
        state.cookieNeedsUpdate = true; // garbage: a new secret replaces it when one is needed
      }
      request.set(Csrf.STATE, state);
      if (!SAFE_METHODS.contains(request.method()) && !exempt(request)) {
        check(request, state);
      }
      Response response = next.handle(request);
      if (state.used && state.cookieNeedsUpdate && state.secret != null) {
        Settings settings = request.galvani().settings();
        response.cookie(
            Cookie.of(Csrf.COOKIE_NAME, state.secret)
                .maxAge(Duration.ofDays(365))
                .httpOnly(false)
                .secure(settings.csrfCookieSecure()));
      }
      if (state.used) {
        // the page holds a token masked from this visitor's secret: caches must keep it apart
        response.varyOn("Cookie");
      }
      return response;
    };
  }

  private static boolean exempt(Request request) {
    return request.get(Csrf.SKIP_CHECKS).orElse(false)
        || request.match().flatMap(m -> m.option(Csrf.EXEMPT)).orElse(false);
  }

  private static void check(Request request, Csrf.State state) {
    Optional<String> origin = request.header("Origin");
    if (origin.isPresent()) {
      if (!originAllowed(request, origin.get())) {
        reject(
            request,
            "Origin checking failed - " + origin.get() + " does not match any trusted origins.");
      }
    } else if (request.isSecure()) {
      String referer = request.header("Referer").orElse("");
      if (referer.isEmpty()) {
        reject(request, "Referer checking failed - no Referer.");
      }
      if (!refererAllowed(request, referer)) {
        reject(
            request,
            "Referer checking failed - " + referer + " does not match any trusted origins.");
      }
    }
    if (state.secret == null) {
      reject(request, "CSRF cookie not set.");
    }
    String token = submittedToken(request);
    if (token.isEmpty()) {
      reject(request, "CSRF token missing.");
    }
    if (token.length() != Csrf.TOKEN_LENGTH && token.length() != Csrf.SECRET_LENGTH) {
      reject(request, "CSRF token has incorrect length.");
    }
    if (!Csrf.isWellFormed(token, token.length())) {
      reject(request, "CSRF token has invalid characters.");
    }
    if (!Csrf.matches(token, state.secret)) {
      reject(request, "CSRF token incorrect.");
    }
  }

  private static String submittedToken(Request request) {
    String contentType = request.contentType();
    if (request.method().equals("POST")
        && (contentType.equals("application/x-www-form-urlencoded")
            || contentType.equals("multipart/form-data"))) {
      Optional<String> field = request.form().first(Csrf.FIELD_NAME);
      if (field.isPresent()) {
        return field.get().trim();
      }
    }
    return request.header(Csrf.HEADER_NAME).orElse("").trim();
  }

  private static boolean originAllowed(Request request, String origin) {
    String own = request.scheme() + "://" + request.host();
    if (origin.equalsIgnoreCase(own)) {
      return true;
    }
    return trusted(request.galvani().settings(), origin);
  }

  private static boolean refererAllowed(Request request, String referer) {
    try {
      URI uri = new URI(referer);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        return false;
      }
      String origin = "https://" + uri.getRawAuthority();
      return origin.equalsIgnoreCase("https://" + request.host())
          || trusted(request.galvani().settings(), origin);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Exact origins, or {@code scheme://*.domain} for every subdomain. */
  static boolean trusted(Settings settings, String origin) {
    String candidate = origin.toLowerCase(Locale.ROOT);
    for (String trusted : settings.csrfTrustedOrigins()) {
      String rule = trusted.toLowerCase(Locale.ROOT);
      int wildcard = rule.indexOf("://*.");
      if (wildcard < 0) {
        if (rule.equals(candidate)) {
          return true;
        }
      } else {
        String scheme = rule.substring(0, wildcard + 3);
        String domain = rule.substring(wildcard + 4); // ".example.com"
        if (candidate.startsWith(scheme)) {
          String host = candidate.substring(scheme.length());
          if (host.endsWith(domain) || host.equals(domain.substring(1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void reject(Request request, String reason) {
    SECURITY_LOG.warn(
        "Forbidden (CSRF): {} {} from {}: {}",
        request.method(),
        request.rawPath(),
        request.remoteAddress(),
        reason);
    throw new PermissionDenied(
        "CSRF verification failed. Request aborted."
            + (request.galvani().settings().debug() ? " Reason: " + reason : ""));
  }
}
