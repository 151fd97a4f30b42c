package dev.galvani.core.middleware;

import dev.galvani.core.http.Conditional;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Response;
import dev.galvani.core.security.Digests;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conditional GET for every page (Django's ConditionalGetMiddleware): a successful GET or HEAD
 * response with its body in memory gets an {@code ETag} (the SHA-256 of the body) unless it has one
 * or says {@code Cache-Control: no-store}; when the request's {@code If-None-Match} matches it, or
 * its {@code If-Modified-Since} is not older than the response's {@code Last-Modified}, the answer
 * is a 304 without a body. The client saves the download; the page is still built. List it near the
 * top, outside the page cache, so cached pages are answered with 304 too.
 */
public final class ConditionalGetMiddleware implements Middleware {
  private static final Pattern NO_STORE = Pattern.compile("(?i)(?:^|,)\\s*no-store\\b");

  /** The headers a 304 keeps from the full response (RFC 9110, 15.4.5). */
  private static final List<String> KEPT =
      List.of("Cache-Control", "Content-Location", "ETag", "Expires", "Last-Modified", "Vary");

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Response response = next.handle(request);
      String method = request.method();
      if ((!method.equals("GET") && !method.equals("HEAD"))
          || response.status() < 200
          || response.status() >= 300) {
        return response;
      }
      Optional<byte[]> body = response.body();
      String cacheControl = String.join(",", response.headers().all("Cache-Control"));
      if (body.isPresent()
          && response.headers().first("ETag").isEmpty()
          && !NO_STORE.matcher(cacheControl).find()) {
        response.header("ETag", "\"" + Digests.sha256Hex(body.get()).substring(0, 32) + "\"");
      }
      String etag = response.headers().first("ETag").orElse(null);
      Instant lastModified = response.headers().first("Last-Modified").map(this::date).orElse(null);
      if (etag == null && lastModified == null) {
        return response;
      }
      Optional<Response> notModified = Conditional.evaluate(request, etag, lastModified);
      if (notModified.isEmpty()) {
        return response;
      }
      Response answer = notModified.get();
      for (String name : KEPT) {
        answer.headers().remove(name);
        response.headers().all(name).forEach(value -> answer.headers().add(name, value));
      }
      for (Cookie cookie : response.cookies()) {
        answer.cookie(cookie);
      }
      return answer;
    };
  }

  private Instant date(String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
