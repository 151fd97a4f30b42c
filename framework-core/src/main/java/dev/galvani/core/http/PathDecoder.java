package dev.galvani.core.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding for paths and form values. */
final class PathDecoder {
  private PathDecoder() {}

  /**
   * Decodes a request path. Refuses what could let a path mean two things: encoded slashes or
   * backslashes, NUL and control characters, dot segments, and bytes that are not UTF-8.
   */
  static String decodePath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw new BadRequest("The request path must start with '/'");
    }
    String decoded = decode(rawPath, false);
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new BadRequest("The request path contains a control character or backslash");
      }
    }
    if (rawPath.indexOf('%') >= 0 && containsIgnoreCase(rawPath, "%2f")) {
      throw new BadRequest("The request path contains an encoded slash (%2F)");
    }
    if (decoded.indexOf('.') >= 0 && hasDotSegment(decoded)) {
      throw new BadRequest("The request path contains a '.' or '..' segment");
    }
    return decoded;
  }

  /** Decodes {@code application/x-www-form-urlencoded} text ('+' is a space). */
  static String decodeForm(String text) {
    return decode(text, true);
  }

  /** Whether a segment between slashes is exactly "." or "..". */
  private static boolean hasDotSegment(String path) {
    int start = 0;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      int length = end - start;
      if ((length == 1 || length == 2)
          && path.charAt(start) == '.'
          && (length == 1 || path.charAt(start + 1) == '.')) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean containsIgnoreCase(String text, String part) {
    return text.toLowerCase(java.util.Locale.ROOT).contains(part);
  }

  private static String decode(String text, boolean plusIsSpace) {
    int firstSpecial = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || (plusIsSpace && c == '+') || c > 0x7f) {
        firstSpecial = i;
        break;
      }
    }
    if (firstSpecial < 0) {
      return text;
    }
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new BadRequest(
              "Malformed percent-encoding: '%' must be followed by two hex digits");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new BadRequest(
              "Malformed percent-encoding: '%' must be followed by two hex digits");
        }
        bytes.put((byte) ((high << 4) + low));
        i += 2;
      } else if (plusIsSpace && c == '+') {
        bytes.put((byte) ' ');
      } else {
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest("The request contains percent-encoded bytes that are not valid UTF-8");
    }
  }
}
