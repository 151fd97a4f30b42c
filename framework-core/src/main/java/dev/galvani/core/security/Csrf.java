package dev.galvani.core.security;

import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * CSRF tokens, as Django does them: a 32-character secret per client lives in the {@code csrftoken}
 * cookie, and every render gets a freshly masked 64-character token (mask + secret shifted by the
 * mask), so the token in a page never repeats (BREACH) while every one validates.
 *
 * <pre>{@code
 * String token = Csrf.token(request);       // for a form field or an X-CSRFToken header
 * path("webhook/", Hooks::receive).option(Csrf.EXEMPT, true);
 * Csrf.rotate(request);                     // on login
 * }</pre>
 */
public final class Csrf {
  /** A route option: {@code true} turns the CSRF check off for that view (webhooks, APIs). */
  public static final Key<Boolean> EXEMPT = Key.of("csrf.exempt", Boolean.class);

  /** A request attribute: {@code true} skips the check (set by the TestClient by default). */
  public static final Key<Boolean> SKIP_CHECKS = Key.of("csrf.skipChecks", Boolean.class);

  public static final String COOKIE_NAME = "csrftoken";
  public static final String FIELD_NAME = "csrfmiddlewaretoken";
  public static final String HEADER_NAME = "X-CSRFToken";

  static final int SECRET_LENGTH = 32;
  static final int TOKEN_LENGTH = 64;
  private static final String CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The per-request state kept by the middleware. */
  static final Key<State> STATE = Key.of("csrf.state", State.class);

  private Csrf() {}

  /** A masked token for this request; the secret cookie is set on the response if needed. */
  public static String token(Request request) {
    State state = state(request);
    if (state.secret == null) {
      state.secret = randomString(SECRET_LENGTH);
      state.cookieNeedsUpdate = true;
    }
    state.used = true;
    state.issued++;
    return mask(state.secret);
  }

  /**
   * How many tokens this request has handed out so far: a cache compares it before and after
   * rendering a fragment, since a fragment holding a token belongs to one visitor.
   */
  public static int tokensIssued(Request request) {
    return request.get(STATE).map(state -> state.issued).orElse(0);
  }

  /** Whether the CsrfMiddleware handles this request (so {@link #token} can be called). */
  public static boolean isActive(Request request) {
    return request.get(STATE).isPresent();
  }

  /** Replaces the secret (call on login so a token seen before login is useless after). */
  public static void rotate(Request request) {
    State state = state(request);
    state.secret = randomString(SECRET_LENGTH);
    state.cookieNeedsUpdate = true;
    state.used = true;
  }

  private static State state(Request request) {
    return request
        .get(STATE)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "CsrfMiddleware is not in Settings.middleware; add it to use CSRF tokens"));
  }

  static String randomString(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
    }
    return out.toString();
  }

  static boolean isWellFormed(String value, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (CHARS.indexOf(value.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static String mask(String secret) {
    String mask = randomString(SECRET_LENGTH);
    StringBuilder cipher = new StringBuilder(SECRET_LENGTH);
    for (int i = 0; i < SECRET_LENGTH; i++) {
      int shifted =
          (CHARS.indexOf(secret.charAt(i)) + CHARS.indexOf(mask.charAt(i))) % CHARS.length();
      cipher.append(CHARS.charAt(shifted));
    }
    return mask + cipher;
  }

  static String unmask(String token) {
    String mask = token.substring(0, SECRET_LENGTH);
    String cipher = token.substring(SECRET_LENGTH);
    StringBuilder secret = new StringBuilder(SECRET_LENGTH);
    for (int i = 0; i < SECRET_LENGTH; i++) {
      int index = CHARS.indexOf(cipher.charAt(i)) - CHARS.indexOf(mask.charAt(i));
      secret.append(CHARS.charAt(Math.floorMod(index, CHARS.length())));
    }
    return secret.toString();
  }

  /** Constant-time comparison of a submitted token (masked or bare secret) with the secret. */
  static boolean matches(String token, String secret) {
    String candidate = token.length() == TOKEN_LENGTH ? unmask(token) : token;
    return MessageDigest.isEqual(
        candidate.getBytes(StandardCharsets.US_ASCII), secret.getBytes(StandardCharsets.US_ASCII));
  }

  /** The client's CSRF secret for this request and whether the cookie must be (re)set. */
  static final class State {
    String secret;
    boolean cookieNeedsUpdate;
    boolean used;
    int issued;
  }
}
