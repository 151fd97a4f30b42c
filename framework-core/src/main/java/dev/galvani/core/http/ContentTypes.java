package dev.galvani.core.http;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;

/** Content types by file extension, with charset for text. */
public final class ContentTypes {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("map", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("wasm", "application/wasm"));

  private ContentTypes() {}

  /** The content type for a file name, {@code application/octet-stream} when unknown. */
  public static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String known = TYPES.get(extension);
    if (known != null) {
      return known;
    }
    String guessed = URLConnection.guessContentTypeFromName(fileName);
    return guessed == null ? "application/octet-stream" : guessed;
  }
}
