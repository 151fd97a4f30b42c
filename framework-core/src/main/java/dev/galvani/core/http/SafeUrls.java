package dev.galvani.core.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks redirect targets so that a redirect cannot leave the site by accident. */
final class SafeUrls {
  private SafeUrls() {}

  static String requireLocalPath(String location) {
    rejectControlCharacters(location);
    if (!location.startsWith("/")
        || location.startsWith("//")
        || location.startsWith("/\\")
        || location.contains("\\")) {
      throw new IllegalArgumentException(
          "Refusing to redirect to '"
              + location
              + "': Response.redirect takes a path on this site starting with a single '/';"
              + " use Response.redirectExternal for a trusted absolute URL");
    }
    return location;
  }

  static String requireHttpUrl(String url) {
    rejectControlCharacters(url);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // falls through to the refusal below
    }
    throw new IllegalArgumentException(
        "Refusing to redirect to '" + url + "': not an absolute http(s) URL");
  }

  private static void rejectControlCharacters(String location) {
    if (location == null || location.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "Refusing a redirect target with a line break or control character");
    }
  }
}
