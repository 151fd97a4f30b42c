package dev.galvani.core.middleware;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;

/**
 * APPEND_SLASH: a GET or HEAD for {@code /polls} that matches nothing, while {@code /polls/} does,
 * is redirected there (301), keeping the query string. Other methods are not redirected, since a
 * redirect would drop their body.
 */
public final class CommonMiddleware implements Middleware {
  @Override
  public Handler wrap(Handler next) {
    return request -> {
      if (shouldAppendSlash(request)) {
        String target = request.rawPath() + "/";
        if (!request.queryString().isEmpty()) {
          target += "?" + request.queryString();
        }
        return Response.permanentRedirect(target);
      }
      return next.handle(request);
    };
  }

  private static boolean shouldAppendSlash(Request request) {
    String method = request.method();
    return request.galvani().settings().appendSlash()
        && request.match().isEmpty()
        && (method.equals("GET") || method.equals("HEAD"))
        && !request.path().endsWith("/")
        && request.galvani().urls().matches(method, request.path() + "/");
  }
}
