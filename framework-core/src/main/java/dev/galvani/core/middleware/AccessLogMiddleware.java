package dev.galvani.core.middleware;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code galvani.access} logger: client, method, path, status, bytes
 * and milliseconds. The query string is left out: it may carry tokens.
 */
public final class AccessLogMiddleware implements Middleware {
  private static final Logger LOG = LoggerFactory.getLogger("galvani.access");

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      long start = System.nanoTime();
      Response response = next.handle(request);
      if (LOG.isInfoEnabled()) {
        LOG.info(
            "{} \"{} {}\" {} {} {}ms",
            request.clientIp(),
            request.method(),
            request.rawPath(),
            response.status(),
            response.contentLength() < 0 ? "-" : Long.toString(response.contentLength()),
            String.format("%.1f", (System.nanoTime() - start) / 1_000_000.0));
      }
      return response;
    };
  }
}
