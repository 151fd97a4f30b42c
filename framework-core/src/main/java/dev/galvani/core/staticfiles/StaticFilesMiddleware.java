package dev.galvani.core.staticfiles;

import dev.galvani.core.http.Handler;

/**
 * Serves GET and HEAD requests under STATIC_URL from {@link StaticFiles}; other requests pass on.
 */
public final class StaticFilesMiddleware implements dev.galvani.core.middleware.Middleware {
  @Override
  public Handler wrap(Handler next) {
    return request -> {
      String prefix = request.galvani().settings().staticUrl();
      String method = request.method();
      StaticFiles files = request.galvani().staticFiles();
      if (request.path().startsWith(prefix)
          && (method.equals("GET") || method.equals("HEAD"))
          && files.serving()) {
        return files.serve(request, request.path().substring(prefix.length()));
      }
      return next.handle(request);
    };
  }
}
