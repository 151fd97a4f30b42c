package dev.galvani.cache;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;

/**
 * The outer half of the site-wide page cache: stores the page that {@link FetchFromCacheMiddleware}
 * did not have, as it stands after every middleware inside has added its headers and cookies. List
 * it first (outermost), and give both halves the same {@link PageCache}.
 */
public final class UpdateCacheMiddleware implements Middleware {
  private final PageCache pages;

  /** With {@link PageCache#defaults()}. */
  public UpdateCacheMiddleware() {
    this(PageCache.defaults());
  }

  public UpdateCacheMiddleware(PageCache pages) {
    this.pages = pages;
  }

  PageCache pages() {
    return pages;
  }

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Response response = next.handle(request);
      if (request.get(FetchFromCacheMiddleware.MISSED).orElse(false)) {
        pages.store(request, response);
      }
      return response;
    };
  }
}
