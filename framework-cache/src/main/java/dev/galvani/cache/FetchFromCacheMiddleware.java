package dev.galvani.cache;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import java.util.Optional;

/**
 * The inner half of the site-wide page cache: answers from the cache when it holds the page, so
 * nothing further in runs. List it last, after every middleware that sets what the page depends on
 * (sessions, locale, authentication), with {@link UpdateCacheMiddleware} first.
 */
public final class FetchFromCacheMiddleware implements Middleware {
  /** Marks a request that went past this middleware, so the update half may store its page. */
  static final Key<Boolean> MISSED = Key.of("cache.page.missed", Boolean.class);

  private final PageCache pages;

  /** With {@link PageCache#defaults()}. */
  public FetchFromCacheMiddleware() {
    this(PageCache.defaults());
  }

  public FetchFromCacheMiddleware(PageCache pages) {
    this.pages = pages;
  }

  PageCache pages() {
    return pages;
  }

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Optional<Response> hit = pages.fetch(request);
      if (hit.isPresent()) {
        return hit.get();
      }
      request.set(MISSED, true);
      return next.handle(request);
    };
  }
}
