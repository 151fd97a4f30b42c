package dev.galvani.core.forms;

import java.net.IDN;
import java.util.Locale;

/**
 * Domain name checks written as loops, not regular expressions, so a hostile value costs time in
 * proportion to its length and nothing more. Callers cap the length first.
 */
final class Hostnames {
  static final int MAX_LENGTH = 253;

  private Hostnames() {}

  /**
   * Whether the value is a domain name with at least two labels and a top-level domain of letters
   * (or {@code xn--} punycode), like Django's validators; {@code localhost} passes when allowed.
   * Internationalized names are checked in their ASCII form.
   */
  static boolean isDomain(String value, boolean allowLocalhost) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    String ascii = value;
    if (!isAscii(value)) {
      try {
        ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    String lower = ascii.toLowerCase(Locale.ROOT);
    if (allowLocalhost && lower.equals("localhost")) {
      return true;
    }
    if (lower.isEmpty() || lower.length() > MAX_LENGTH) {
      return false;
    }
    int labels = 0;
    int start = 0;
    while (start <= lower.length()) {
      int dot = lower.indexOf('.', start);
      int end = dot < 0 ? lower.length() : dot;
      if (!isLabel(lower, start, end)) {
        return false;
      }
      labels++;
      if (dot < 0) {
        return labels >= 2 && isTopLevel(lower.substring(start, end));
      }
      start = dot + 1;
    }
    return false;
  }

  /** Whether the value is four dotted decimal numbers of 0 to 255. */
  static boolean isIpv4(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !allDigits(part)) {
        return false;
      }
      if ((part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** A label: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. */
  private static boolean isLabel(String name, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 63 || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTopLevel(String label) {
    if (label.startsWith("xn--")) {
      return label.length() > 4;
    }
    if (label.length() < 2) {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  static boolean allDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
