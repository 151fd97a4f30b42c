package dev.galvani.core.security;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import dev.galvani.core.middleware.Middleware;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends the configured Content-Security-Policy (or its report-only variant), with a fresh nonce per
 * request in place of {@code {nonce}}. Templates read the nonce as {@code ${cspNonce}}: {@code
 * <script th:attr="nonce=${cspNonce}">}. A policy header set by the view is kept.
 */
public final class ContentSecurityPolicyMiddleware implements Middleware {
  /** The request's nonce (base64, without the {@code 'nonce-'} prefix). */
  public static final Key<String> NONCE = Key.of("csp.nonce", String.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Marks requests this middleware handles, so the nonce can be made on first use. */
  private static final Key<Boolean> ACTIVE = Key.of("csp.active", Boolean.class);

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      request.set(ACTIVE, true);
      var response = next.handle(request);
      var settings = request.galvani().settings();
      if (!settings.contentSecurityPolicy().isEmpty()) {
        String header =
            settings.cspReportOnly()
                ? "Content-Security-Policy-Report-Only"
                : "Content-Security-Policy";
        String nonce = nonce(request).orElseThrow();
        response
            .headers()
            .setIfAbsent(
                header,
                settings.contentSecurityPolicy().replace("{nonce}", "'nonce-" + nonce + "'"));
      }
      return response;
    };
  }

  /**
   * The nonce of this request when the middleware runs, made on first use so requests that need
   * none (no policy, no template asking) cost nothing.
   */
  public static Optional<String> nonce(Request request) {
    if (request.get(ACTIVE).isEmpty()) {
      return Optional.empty();
    }
    Optional<String> existing = request.get(NONCE);
    if (existing.isPresent()) {
      return existing;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    request.set(NONCE, nonce);
    return Optional.of(nonce);
  }
}
