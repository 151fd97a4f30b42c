package dev.galvani.core.security;

import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks user-supplied redirect targets ({@code ?next=}) like Django's {@code
 * url_has_allowed_host_and_scheme}: a relative path, or an http(s) URL to this request's host.
 * {@code //evil}, {@code https://evil}, {@code /\evil}, {@code javascript:...} and anything with a
 * control character are refused.
 *
 * <p>Use {@link #redirect(Request, String, String)} in a login view.
 */
public final class RedirectTargets {
  private RedirectTargets() {}

  /**
   * A 302 to {@code target} when it is safe, else to {@code fallback} (a path on this site).
   *
   * <pre>{@code
   * return RedirectTargets.redirect(request, request.query().get("next", "/"), "/");
   * }</pre>
   */
  public static Response redirect(Request request, String target, String fallback) {
    if (!isSafe(request, target)) {
      return Response.redirect(fallback);
    }
    String url = target.trim();
    try {
      return url.startsWith("/") ? Response.redirect(url) : Response.redirectExternal(url);
    } catch (IllegalArgumentException e) {
      // safe but not in the plain form Location accepts ("dashboard", "/a\\b", "//own-host/"):
      // the fallback, never a 500 and never the raw text
      return Response.redirect(fallback);
    }
  }

  /** Whether redirecting to {@code target} keeps the visitor on this site. */
  public static boolean isSafe(Request request, String target) {
    if (target == null) {
      return false;
    }
    String url = target.trim();
    if (url.isEmpty() || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return false;
    }
    // browsers treat backslashes as slashes: "/\\evil" is "//evil"
    String normalized = url.replace('\\', '/');
    if (normalized.startsWith("///")) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(normalized);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (authority == null) {
      // no host: only a scheme-less relative URL is safe ("javascript:..." has a scheme)
      return scheme.isEmpty();
    }
    if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    if (request.isSecure() && scheme.equals("http")) {
      return false;
    }
    return authority.equalsIgnoreCase(request.host());
  }
}
