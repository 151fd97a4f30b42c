package dev.galvani.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** File responses: content type, validators, conditional GET and single byte ranges. */
final class FileResponses {
  private FileResponses() {}

  static Response serve(Request request, Path file, String contentType) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new NotFound("No such file");
    }
    if (!attributes.isRegularFile()) {
      throw new NotFound("No such file");
    }
    long size = attributes.size();
    Instant modified = attributes.lastModifiedTime().toInstant();
    String etag =
        "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
    Optional<Response> notModified = Conditional.evaluate(request, etag, modified);
    if (notModified.isPresent()) {
      return notModified.get();
    }
    Response response = Response.status(200);
    response.header(
        "Content-Type",
        contentType != null ? contentType : ContentTypes.of(file.getFileName().toString()));
    response.header("Last-Modified", httpDate(modified));
    response.header("ETag", etag);
    response.header("Accept-Ranges", "bytes");
    Optional<String> range = request.header("Range");
    if (range.isPresent() && ifRangeMatches(request, etag)) {
      long[] span = parseRange(range.get(), size);
      if (span == null) {
        response.withStatus(416).header("Content-Range", "bytes */" + size);
        return response;
      }
      if (span.length == 2) {
        long start = span[0];
        long length = span[1] - span[0] + 1;
        response.withStatus(206);
        response.header("Content-Range", "bytes " + start + "-" + span[1] + "/" + size);
        return response.streamed(out -> copy(file, start, length, out), length);
      }
    }
    return response.streamed(out -> copy(file, 0, size, out), size);
  }

  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static boolean ifRangeMatches(Request request, String etag) {
    // RFC 9110: If-Range uses the strong comparison, so a weak validator never matches
    return request
        .header("If-Range")
        .map(tag -> !etag.startsWith("W/") && etag.equals(tag))
        .orElse(true);
  }

  /**
   * Parses one {@code bytes=a-b} range. Returns {start, end}, an empty array to serve the whole
   * file (several ranges, or syntax we ignore as RFC 9110 allows), or null when unsatisfiable.
   */
  private static long[] parseRange(String header, long size) {
    if (!header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return new long[0];
    }
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new long[0];
    }
    try {
      String first = spec.substring(0, dash).trim();
      String last = spec.substring(dash + 1).trim();
      long start;
      long end;
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last);
        if (suffix <= 0) {
          return null;
        }
        start = Math.max(0, size - suffix);
        end = size - 1;
      } else {
        start = Long.parseLong(first);
        end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
      }
      if (start < 0 || start >= size || end < start) {
        return null;
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      return new long[0];
    }
  }

  private static void copy(Path file, long start, long length, OutputStream out)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(start);
      byte[] buffer = new byte[16 * 1024];
      long remaining = length;
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        out.write(buffer, 0, read);
        remaining -= read;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
