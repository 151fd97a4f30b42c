package dev.galvani.core.security;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import dev.galvani.core.middleware.Middleware;

/**
 * Sets {@code X-Frame-Options} (DENY by default) against clickjacking, unless the view set its own
 * or its route is exempt: {@code path(...).option(XFrameOptionsMiddleware.EXEMPT, true)}.
 */
public final class XFrameOptionsMiddleware implements Middleware {
  /** A route option: {@code true} lets the page be framed. */
  public static final Key<Boolean> EXEMPT = Key.of("xframe.exempt", Boolean.class);

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      var response = next.handle(request);
      boolean exempt = request.match().flatMap(m -> m.option(EXEMPT)).orElse(false);
      if (!exempt) {
        response
            .headers()
            .setIfAbsent("X-Frame-Options", request.galvani().settings().xFrameOptions());
      }
      return response;
    };
  }
}
