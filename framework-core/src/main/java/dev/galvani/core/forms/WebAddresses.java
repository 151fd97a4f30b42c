package dev.galvani.core.forms;

import java.util.Locale;

/**
 * http and https URL checks without regular expressions: the length is capped first, then scheme,
 * authority (user info, host, port) and the rest are read once each.
 */
final class WebAddresses {
  static final int MAX_LENGTH = 2048;

  private WebAddresses() {}

  /** {@code https://example.com:8443/path?q=1#top}; other schemes are refused. */
  static boolean isValid(String value) {
    if (value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    String lower = value.toLowerCase(Locale.ROOT);
    int afterScheme;
    if (lower.startsWith("http://")) {
      afterScheme = 7;
    } else if (lower.startsWith("https://")) {
      afterScheme = 8;
    } else {
      return false;
    }
    int end = afterScheme;
    while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
      end++;
    }
    return isAuthority(value.substring(afterScheme, end));
  }

  private static boolean isAuthority(String authority) {
    int at = authority.lastIndexOf('@');
    String hostAndPort = at < 0 ? authority : authority.substring(at + 1);
    if (at == 0) {
      return false;
    }
    String host = hostAndPort;
    String port = "";
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      if (close < 0) {
        return false;
      }
      host = hostAndPort.substring(0, close + 1);
      String rest = hostAndPort.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return false;
        }
        port = rest.substring(1);
        if (port.isEmpty()) {
          return false;
        }
      }
    } else {
      int colon = hostAndPort.lastIndexOf(':');
      if (colon >= 0) {
        host = hostAndPort.substring(0, colon);
        port = hostAndPort.substring(colon + 1);
        if (port.isEmpty()) {
          return false;
        }
      }
    }
    if (!port.isEmpty()
        && (port.length() > 5 || !Hostnames.allDigits(port) || Integer.parseInt(port) > 65535)) {
      return false;
    }
    return isHost(host);
  }

  private static boolean isHost(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      return isIpv6(host.substring(1, host.length() - 1));
    }
    return Hostnames.isIpv4(host) || Hostnames.isDomain(host, true);
  }

  /** Up to eight groups of 1-4 hex digits, at most one "::", optionally ending in IPv4. */
  private static boolean isIpv6(String address) {
    if (address.isEmpty() || address.length() > 45) {
      return false;
    }
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = address.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.isEmpty()) {
        continue; // part of "::", or of a leading or trailing "::"
      }
      if (i == groups.length - 1 && group.indexOf('.') >= 0) {
        if (!Hostnames.isIpv4(group)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (group.length() > 4 || !isHex(group)) {
        return false;
      }
      count++;
    }
    if (address.startsWith(":") && !address.startsWith("::")
        || address.endsWith(":") && !address.endsWith("::")) {
      return false;
    }
    return doubleColon >= 0 ? count < 8 : count == 8;
  }

  private static boolean isHex(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
