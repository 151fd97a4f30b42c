package dev.galvani.core.messages;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;

/**
 * Makes flash messages ({@link Messages}) work: gives each request its messages and, after the
 * view, drops those that were shown and keeps the rest for the next request. Messages live in the
 * session when {@code SessionMiddleware} comes before this middleware, else in a signed cookie.
 * Thread-safe.
 */
public final class MessageMiddleware implements Middleware {
  @Override
  public Handler wrap(Handler next) {
    return request -> {
      MessageStorage storage =
          new MessageStorage(request, MessageSettings.from(request.galvani().settings()));
      request.set(MessageStorage.KEY, storage);
      Response response = next.handle(request);
      storage.update(response);
      return response;
    };
  }
}
