package dev.galvani.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie to set on a response. Names must be HTTP tokens and values may only hold cookie-safe
 * characters, so a value cannot break out of its header; encode anything else first (signed cookies
 * do this for you). Immutable.
 *
 * <pre>{@code
 * response.cookie(Cookie.of("theme", "dark").maxAge(Duration.ofDays(365)));
 * }</pre>
 */
public final class Cookie {
  private final String name;
  private final String value;
  private final Duration maxAge;
  private final String path;
  private final String domain;
  private final boolean secure;
  private final boolean httpOnly;
  private final String sameSite;

  private Cookie(
      String name,
      String value,
      Duration maxAge,
      String path,
      String domain,
      boolean secure,
      boolean httpOnly,
      String sameSite) {
    this.name = name;
    this.value = value;
    this.maxAge = maxAge;
    this.path = path;
    this.domain = domain;
    this.secure = secure;
    this.httpOnly = httpOnly;
    this.sameSite = sameSite;
  }

  /** A session cookie (no expiry) for path {@code /}, SameSite=Lax, HttpOnly. */
  public static Cookie of(String name, String value) {
    if (name == null || name.isEmpty() || !Headers.isToken(name)) {
      throw new IllegalArgumentException("Invalid cookie name: '" + name + "'");
    }
    checkValue(name, Objects.requireNonNull(value, "value"));
    return new Cookie(name, value, null, "/", null, false, true, "Lax");
  }

  /** The same cookie with another value (used to sign a value while keeping the attributes). */
  public Cookie withValue(String newValue) {
    checkValue(name, Objects.requireNonNull(newValue, "value"));
    return new Cookie(name, newValue, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public Cookie maxAge(Duration maxAge) {
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public Cookie path(String path) {
    checkAttribute("path", path);
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public Cookie domain(String domain) {
    checkAttribute("domain", domain);
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public Cookie secure(boolean secure) {
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public Cookie httpOnly(boolean httpOnly) {
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  /** {@code Strict}, {@code Lax} or {@code None}. */
  public Cookie sameSite(String sameSite) {
    if (!"Strict".equals(sameSite) && !"Lax".equals(sameSite) && !"None".equals(sameSite)) {
      throw new IllegalArgumentException("SameSite must be Strict, Lax or None, not " + sameSite);
    }
    return new Cookie(name, value, maxAge, path, domain, secure, httpOnly, sameSite);
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public Optional<Duration> maxAge() {
    return Optional.ofNullable(maxAge);
  }

  /** The {@code Set-Cookie} header value. */
  public String toHeader() {
    StringBuilder header = new StringBuilder(name).append('=').append(value);
    if (maxAge != null) {
      header.append("; Max-Age=").append(Math.max(0, maxAge.getSeconds()));
    }
    if (path != null) {
      header.append("; Path=").append(path);
    }
    if (domain != null) {
      header.append("; Domain=").append(domain);
    }
    if (secure) {
      header.append("; Secure");
    }
    if (httpOnly) {
      header.append("; HttpOnly");
    }
    header.append("; SameSite=").append(sameSite);
    return header.toString();
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean cookieOctet = c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A);
      cookieOctet |= (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
      if (!cookieOctet) {
        throw new IllegalArgumentException(
            "Cookie "
                + name
                + " value contains a character cookies cannot carry (space, quote, comma,"
                + " semicolon, backslash, control or non-ASCII); URL-encode the value first");
      }
    }
  }

  private static void checkAttribute(String attribute, String text) {
    if (text != null && (text.indexOf(';') >= 0 || text.chars().anyMatch(c -> c < 32))) {
      throw new IllegalArgumentException("Cookie " + attribute + " contains ';' or a control char");
    }
  }
}
