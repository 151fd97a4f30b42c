package dev.galvani.cache;

import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.cache.Caches;
import dev.galvani.core.cache.NamedCache;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.security.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-page caching, as Django's cache middleware does it: the rules for what is stored, the key
 * and the replay. Used by {@link CachePage} (one route) and by {@link UpdateCacheMiddleware} with
 * {@link FetchFromCacheMiddleware} (the whole site). Immutable; the withers return copies.
 *
 * <p>A page is stored when the request is a GET or HEAD and the response is a 200 with its body in
 * memory, sets no cookie, is not marked {@code private}, {@code no-store} or {@code no-cache}, does
 * not vary on {@code *}, and was not made for a logged-in user or a request with {@code
 * Authorization} (unless {@link #cacheAuthenticated}). A response's own {@code Cache-Control:
 * max-age} sets how long it is kept; otherwise the timeout does, and the stored response gets that
 * {@code max-age} and an {@code Expires}.
 *
 * <p>The key is the full URL (scheme, host, path and query), the request's language ({@link
 * Request#LANGUAGE}) and the values of the request headers the response varies on ({@code Vary}),
 * which are learnt from the first response for that URL, so a page varying on {@code Cookie} is
 * kept per visitor.
 */
public final class PageCache {
  /** The longest a page is kept, also for a response's own max-age: a year. */
  private static final Duration LONGEST = Duration.ofDays(365);

  /** Django's {@code CACHE_MIDDLEWARE_SECONDS}: ten minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /** Set on a request answered from the cache, so nothing stores it again. */
  private static final Logger LOG = LoggerFactory.getLogger("galvani.cache");

  static final Key<Boolean> FROM_CACHE = Key.of("cache.page.fromCache", Boolean.class);

  private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|,)\\s*max-age\\s*=\\s*(\\d+)");
  private static final Pattern NOT_SHARED =
      Pattern.compile("(?i)(?:^|,)\\s*(private|no-store|no-cache)\\b");

  /** A stored page: status, header name/value pairs, body. */
  record StoredPage(int status, List<String> headers, byte[] body) {}

  private final String alias;
  private final Duration timeout;
  private final boolean cacheAuthenticated;

  private PageCache(String alias, Duration timeout, boolean cacheAuthenticated) {
    this.alias = alias;
    this.timeout = timeout;
    this.cacheAuthenticated = cacheAuthenticated;
  }

  /** Pages kept in the default cache for {@link #DEFAULT_TIMEOUT}, for anonymous visitors. */
  public static PageCache defaults() {
    return new PageCache(Caches.DEFAULT, DEFAULT_TIMEOUT, false);
  }

  /** Keeps pages this long (a response's own {@code max-age} still wins). */
  public PageCache timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "A page cache timeout must be positive and at most a year, not " + timeout);
    }
    return new PageCache(alias, timeout, cacheAuthenticated);
  }

  /** Keeps pages in the named cache instead of {@code default}. */
  public PageCache alias(String alias) {
    return new PageCache(alias, timeout, cacheAuthenticated);
  }

  /**
   * Also stores pages made for logged-in users and requests with {@code Authorization}: only for
   * pages that show nothing of the user, or that vary on {@code Cookie}.
   */
  public PageCache cacheAuthenticated(boolean cache) {
    return new PageCache(alias, timeout, cache);
  }

  public Duration timeout() {
    return timeout;
  }

  /** The name of the cache pages are kept in. */
  public String alias() {
    return alias;
  }

  /** The stored page for this request, if there is one; a cache that fails is a miss. */
  Optional<Response> fetch(Request request) {
    try {
      return lookUp(request);
    } catch (ImproperlyConfigured e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("The page cache could not be read for {}: {}", request, e.toString());
      return Optional.empty();
    }
  }

  private Optional<Response> lookUp(Request request) {
    if (!isCacheableMethod(request) || (!cacheAuthenticated && hasAuthorization(request))) {
      return Optional.empty();
    }
    NamedCache cache = cache(request);
    String url = url(request);
    Optional<String[]> varyNames = cache.get(headersKey(url), String[].class);
    if (varyNames.isEmpty()) {
      return Optional.empty();
    }
    Optional<StoredPage> page = cache.get(pageKey(request, url, varyNames.get()), StoredPage.class);
    if (page.isEmpty()) {
      return Optional.empty();
    }
    request.set(FROM_CACHE, true);
    return Optional.of(replay(page.get()));
  }

  /**
   * Stores the response if the rules above allow it; returns whether it did. A cache that fails is
   * logged, and the response is sent as it is.
   */
  boolean store(Request request, Response response) {
    try {
      return save(request, response);
    } catch (ImproperlyConfigured e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("The page cache could not store {}: {}", request, e.toString());
      return false;
    }
  }

  private boolean save(Request request, Response response) {
    // only GET stores: a HEAD is answered from the GET's page, never the other way round
    if (request.get(FROM_CACHE).orElse(false) || !request.method().equals("GET")) {
      return false;
    }
    Optional<Duration> keep = keepFor(request, response);
    if (keep.isEmpty()) {
      return false;
    }
    String[] varyNames = varyNames(response);
    if (varyNames == null) {
      return false;
    }
    if (response.headers().first("Cache-Control").isEmpty()) {
      response.header("Cache-Control", "max-age=" + keep.get().toSeconds());
    }
    response
        .headers()
        .setIfAbsent(
            "Expires",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plus(keep.get()).atOffset(ZoneOffset.UTC)));
    NamedCache cache = cache(request);
    String url = url(request);
    cache.set(headersKey(url), varyNames, keep.get());
    cache.set(pageKey(request, url, varyNames), snapshot(response), keep.get());
    return true;
  }

  private Optional<Duration> keepFor(Request request, Response response) {
    if (response.status() != 200
        || response.body().isEmpty()
        || !response.cookies().isEmpty()
        || (!cacheAuthenticated
            && (request.get(Request.AUTHENTICATED).orElse(false) || hasAuthorization(request)))) {
      return Optional.empty();
    }
    String cacheControl = String.join(",", response.headers().all("Cache-Control"));
    if (NOT_SHARED.matcher(cacheControl).find()) {
      return Optional.empty();
    }
    if (usesTheNonce(request, response)) {
      return Optional.empty();
    }
    Matcher maxAge = MAX_AGE.matcher(cacheControl);
    if (maxAge.find()) {
      String digits = maxAge.group(1);
      long seconds = digits.length() > 9 ? LONGEST.toSeconds() : Long.parseLong(digits);
      return seconds == 0
          ? Optional.empty()
          : Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST.toSeconds())));
    }
    return Optional.of(timeout);
  }

  /**
   * Whether the body holds this response's CSP nonce: such a page is this response's alone, since a
   * nonce known in advance protects nothing.
   */
  private static boolean usesTheNonce(Request request, Response response) {
    Optional<String> nonce = request.get(ContentSecurityPolicyMiddleware.NONCE);
    return nonce.isPresent()
        && new String(response.body().orElseThrow(), StandardCharsets.ISO_8859_1)
            .contains(nonce.get());
  }

  /** The request headers the response varies on, lower-case; null for {@code Vary: *}. */
  private static String[] varyNames(Response response) {
    List<String> names = new ArrayList<>();
    for (String header : response.headers().all("Vary")) {
      for (String name : header.split(",")) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("*")) {
          return null;
        }
        if (!trimmed.isEmpty() && !names.contains(trimmed)) {
          names.add(trimmed);
        }
      }
    }
    names.sort(null);
    return names.toArray(String[]::new);
  }

  /**
   * The response to store, without its CSP headers: their nonce is this response's, and the CSP
   * middleware gives each replay a header of its own.
   */
  private static StoredPage snapshot(Response response) {
    List<String> headers = new ArrayList<>();
    response
        .headers()
        .forEach(
            (name, value) -> {
              if (!name.regionMatches(true, 0, "Content-Security-Policy", 0, 23)) {
                headers.add(name);
                headers.add(value);
              }
            });
    return new StoredPage(response.status(), headers, response.body().orElseThrow());
  }

  private static Response replay(StoredPage page) {
    Response response = Response.bytes(page.body(), null).withStatus(page.status());
    List<String> headers = page.headers();
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      response.headers().add(headers.get(i), headers.get(i + 1));
    }
    return response;
  }

  private NamedCache cache(Request request) {
    return Caches.of(request.galvani()).cache(alias);
  }

  private static boolean isCacheableMethod(Request request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }

  private static boolean hasAuthorization(Request request) {
    return request.header("Authorization").isPresent();
  }

  private static String url(Request request) {
    return request.scheme() + "://" + request.host() + request.fullPath();
  }

  private static String headersKey(String url) {
    return "views.cache.headers." + NamedCache.hashed(url);
  }

  private static String pageKey(Request request, String url, String[] varyNames) {
    StringBuilder varying = new StringBuilder(request.get(Request.LANGUAGE).orElse(""));
    for (String name : varyNames) {
      varying.append('\n').append(name).append(':');
      request.headers().all(name).forEach(value -> varying.append(value).append('\u0000'));
    }
    return "views.cache.page."
        + NamedCache.hashed(url)
        + "."
        + Digests.sha256Hex(varying.toString()).substring(0, 32);
  }
}
