package dev.galvani.core.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Conditional GET: answers 304 when the client's copy is current.
 *
 * <pre>{@code
 * String etag = "\"" + question.version() + "\"";
 * return Conditional.evaluate(request, etag, question.updated())
 *     .orElseGet(() -> Response.json(question).header("ETag", etag));
 * }</pre>
 */
public final class Conditional {
  private Conditional() {}

  /**
   * A 304 response when {@code If-None-Match} matches the ETag (or, without it, {@code
   * If-Modified-Since} is not older than lastModified); empty when the view should answer in full.
   * Only GET and HEAD are answered with 304.
   */
  public static Optional<Response> evaluate(Request request, String etag, Instant lastModified) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Optional.empty();
    }
    Optional<String> ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch.isPresent()) {
      if (etag != null && etagMatches(ifNoneMatch.get(), etag)) {
        return Optional.of(notModified(etag));
      }
      return Optional.empty();
    }
    Optional<String> ifModifiedSince = request.header("If-Modified-Since");
    if (ifModifiedSince.isPresent() && lastModified != null) {
      try {
        Instant since =
            ZonedDateTime.parse(ifModifiedSince.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        if (lastModified.getEpochSecond() <= since.getEpochSecond()) {
          return Optional.of(notModified(etag));
        }
      } catch (DateTimeParseException e) {
        // an unreadable date is ignored, as RFC 9110 requires
      }
    }
    return Optional.empty();
  }

  private static Response notModified(String etag) {
    Response response = Response.notModified();
    if (etag != null) {
      response.header("ETag", etag);
    }
    return response;
  }

  private static boolean etagMatches(String header, String etag) {
    String weakless = stripWeak(etag);
    for (String candidate : header.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || stripWeak(trimmed).equals(weakless)) {
        return true;
      }
    }
    return false;
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
