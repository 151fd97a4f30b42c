package dev.galvani.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs values with HMAC-SHA256 keyed by the SECRET_KEY and a salt, with a timestamp so signatures
 * can expire. Key rotation: the current key signs, old keys ({@code SECRET_KEY_FALLBACKS}) still
 * verify. The signed form is cookie- and URL-safe: {@code base64url(value):time:signature}.
 * Thread-safe.
 *
 * <pre>{@code
 * Signer signer = galvani.signer("password-reset");
 * String token = signer.sign(userId);
 * Optional<String> id = signer.unsign(token, Duration.ofHours(1));
 * }</pre>
 */
public final class Signer {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final List<SecretKeySpec> verifyingKeys;
  private final Clock clock;

  public Signer(String secret, String salt) {
    this(secret, List.of(), salt, Clock.systemUTC());
  }

  /**
   * A signer that signs with {@code secret} and also accepts signatures made with any of the {@code
   * fallbacks} (old keys during a rotation).
   */
  public Signer(String secret, List<String> fallbacks, String salt, Clock clock) {
    this.key = new SecretKeySpec(derive(secret, salt), "HmacSHA256");
    List<SecretKeySpec> keys = new ArrayList<>();
    keys.add(key);
    for (String fallback : fallbacks) {
      keys.add(new SecretKeySpec(derive(fallback, salt), "HmacSHA256"));
    }
    this.verifyingKeys = List.copyOf(keys);
    this.clock = clock;
  }

  public String sign(String value) {
    String payload =
        ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8))
            + ":"
            + Long.toString(clock.instant().getEpochSecond(), 36);
    return payload + ":" + signature(key, payload);
  }

  /** The value, if the signature is valid. */
  public Optional<String> unsign(String signed) {
    return unsign(signed, null);
  }

  /** The value, if the signature is valid and no older than {@code maxAge}. */
  public Optional<String> unsign(String signed, Duration maxAge) {
    if (signed == null || signed.length() > 16_384) {
      return Optional.empty();
    }
    int last = signed.lastIndexOf(':');
    if (last <= 0) {
      return Optional.empty();
    }
    String payload = signed.substring(0, last);
    if (!verifyMac(payload, signed.substring(last + 1))) {
      return Optional.empty();
    }
    int colon = payload.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    try {
      long signedAt = Long.parseLong(payload.substring(colon + 1), 36);
      if (maxAge != null && clock.instant().getEpochSecond() - signedAt > maxAge.getSeconds()) {
        return Optional.empty();
      }
      byte[] value = DECODER.decode(payload.substring(0, colon));
      return Optional.of(new String(value, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The HMAC of {@code value} alone, for a value kept somewhere else (Django's {@code
   * salted_hmac}): a session's hash of a password hash, a password-reset token.
   */
  public String mac(String value) {
    return signature(key, value);
  }

  /** Whether {@code mac} is {@link #mac}'s of {@code value} under the key or a fallback key. */
  public boolean verifyMac(String value, String mac) {
    if (value == null || mac == null) {
      return false;
    }
    byte[] given = mac.getBytes(StandardCharsets.US_ASCII);
    boolean valid = false;
    for (SecretKeySpec candidate : verifyingKeys) {
      valid |=
          MessageDigest.isEqual(
              signature(candidate, value).getBytes(StandardCharsets.US_ASCII), given);
    }
    return valid;
  }

  private static String signature(SecretKeySpec key, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] derive(String secret, String salt) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("galvani.signing:" + salt + ":").getBytes(StandardCharsets.UTF_8));
      return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
