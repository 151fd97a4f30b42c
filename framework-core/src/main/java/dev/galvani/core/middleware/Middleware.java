package dev.galvani.core.middleware;

import dev.galvani.core.http.Handler;

/**
 * Wraps the next handler, like an onion layer: work before calling {@code next}, after it, or
 * instead of it. {@code wrap} runs once at startup; the handler it returns runs per request.
 *
 * <pre>{@code
 * Middleware timing = next -> request -> {
 *   long start = System.nanoTime();
 *   Response response = next.handle(request);
 *   return response.header("Server-Timing", "app;dur=" + (System.nanoTime() - start) / 1e6);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {
  Handler wrap(Handler next);
}
