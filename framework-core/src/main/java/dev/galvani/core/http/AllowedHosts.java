package dev.galvani.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ALLOWED_HOSTS validation of the Host header, as Django's {@code validate_host}. Hosts that passed
 * are remembered (up to 256), so a site's few real hosts are checked once. Thread-safe.
 */
public final class AllowedHosts {
  // a domain or a bracketed IPv6 address, then an optional numeric port: no '@', no spaces
  private static final Pattern HOST =
      Pattern.compile("([a-z0-9.-]{1,253}|\\[[a-f0-9:.]{2,45}])(?::([0-9]{1,5}))?");

  private static final int CACHE_LIMIT = 256;

  private final List<String> allowed;
  private final Map<String, String> accepted = new ConcurrentHashMap<>();

  public AllowedHosts(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** The host (lower case, with port as sent) if well formed and allowed; else a 400. */
  public String validate(String host) {
    String known = accepted.get(host);
    if (known != null) {
      return known;
    }
    String valid = validate(host, allowed);
    if (accepted.size() < CACHE_LIMIT) {
      accepted.put(host, valid);
    }
    return valid;
  }

  private static String validate(String host, List<String> allowed) {
    String lower = host.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = HOST.matcher(lower);
    if (lower.length() > 260 || !matcher.matches()) {
      throw new SuspiciousOperation(
          "Invalid Host header: '" + printable(host) + "' is not a host name with optional port");
    }
    String domain = matcher.group(1);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    for (String pattern : allowed) {
      String rule = pattern.toLowerCase(Locale.ROOT);
      if (rule.equals("*")
          || rule.equals(domain)
          || (rule.startsWith(".")
              && (domain.endsWith(rule) || domain.equals(rule.substring(1))))) {
        return lower;
      }
    }
    throw new SuspiciousOperation(
        "Invalid Host header: '"
            + printable(domain)
            + "' is not in ALLOWED_HOSTS; add it to Settings.allowedHosts if this site serves it");
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
