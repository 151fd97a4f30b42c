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

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      String nonce = Base64.getEncoder().encodeToString(bytes);
      request.set(NONCE, nonce);
      var response = next.handle(request);
      var settings = request.galvani().settings();
      if (!settings.contentSecurityPolicy().isEmpty()) {
        String header =
            settings.cspReportOnly()
                ? "Content-Security-Policy-Report-Only"
                : "Content-Security-Policy";
        response
            .headers()
            .setIfAbsent(
                header,
                settings.contentSecurityPolicy().replace("{nonce}", "'nonce-" + nonce + "'"));
      }
      return response;
    };
  }

  /** The nonce of this request, when the middleware runs. */
  public static Optional<String> nonce(Request request) {
    return request.get(NONCE);
  }
}
