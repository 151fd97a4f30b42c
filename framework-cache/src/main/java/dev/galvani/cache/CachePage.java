package dev.galvani.cache;

import dev.galvani.core.http.Handler;
import dev.galvani.core.middleware.Middleware;
import java.time.Duration;
import java.util.Optional;

/**
 * Caches one route's pages (Django's {@code cache_page}): a hit answers without running the view; a
 * miss runs it and stores the final response, once every middleware has added its headers and
 * cookies, under the rules of {@link PageCache}.
 *
 * <pre>{@code
 * path("", cachePage(Duration.ofMinutes(15), PollsViews::index), "index")
 * }</pre>
 */
public final class CachePage implements Middleware {
  private final PageCache pages;

  public CachePage(PageCache pages) {
    this.pages = pages;
  }

  /** The view, with its pages kept in the default cache for {@code timeout}. */
  public static Handler cachePage(Duration timeout, Handler view) {
    return new CachePage(PageCache.defaults().timeout(timeout)).wrap(view);
  }

  /** The view, with its pages cached as {@code pages} says. */
  public static Handler cachePage(PageCache pages, Handler view) {
    return new CachePage(pages).wrap(view);
  }

  @Override
  public Handler wrap(Handler view) {
    return request -> {
      Optional<dev.galvani.core.http.Response> hit = pages.fetch(request);
      if (hit.isPresent()) {
        return hit.get();
      }
      request.afterResponse(response -> pages.store(request, response));
      return view.handle(request);
    };
  }
}
