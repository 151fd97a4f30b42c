package dev.galvani.auth;

import dev.galvani.core.security.Digests;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Password hashing with bcrypt, as Django's {@code BCryptSHA256PasswordHasher}: the password is
 * first hashed with SHA-256, so every byte of a long password counts (bcrypt alone reads only the
 * first 72 bytes) and no NUL byte reaches bcrypt. Stored form: {@code bcrypt_sha256$<bcrypt hash>}.
 * Thread-safe.
 */
public final class Passwords {
  static final String PREFIX = "bcrypt_sha256$";
  private static final String UNUSABLE = "!";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<Integer, String> DUMMY_HASHES = new ConcurrentHashMap<>();

  private final AuthSettings settings;

  public Passwords(AuthSettings settings) {
    this.settings = settings;
  }

  /**
   * The stored form of {@code raw}.
   *
   * @throws IllegalArgumentException when it is longer than the settings allow
   */
  public String hash(String raw) {
    requireAcceptableLength(raw);
    return PREFIX + BCrypt.hashpw(prehash(raw), BCrypt.gensalt(settings.bcryptCost(), RANDOM));
  }

  /** Sets the user's password to the hash of {@code raw} (save the user afterwards). */
  public void setPassword(User user, String raw) {
    user.setPasswordHash(hash(raw));
  }

  /** Marks the user as having no password that can log in (Django's set_unusable_password). */
  public static void setUnusablePassword(User user) {
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    user.setPasswordHash(UNUSABLE + HexFormat.of().formatHex(random));
  }

  /** Whether {@code stored} can ever match a password. */
  public static boolean isUsable(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /**
   * Whether {@code raw} matches {@code stored}. An over-long password is refused before hashing. An
   * unusable or malformed {@code stored} spends the same bcrypt work as a real one and returns
   * false, so its timing tells nothing.
   */
  public boolean check(String raw, String stored) {
    if (raw == null || raw.length() > settings.maxPasswordLength()) {
      // no hashing of the long text, but the time of one check, so the answer's timing does not
      // tell whether the account exists
      spendTheTimeOfOneCheck("");
      return false;
    }
    if (!isUsable(stored)) {
      spendTheTimeOfOneCheck(raw);
      return false;
    }
    try {
      return BCrypt.checkpw(prehash(raw), stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /**
   * Runs one check against a throwaway hash of the current cost: what a login for an unknown
   * username does, so it takes as long as one for a known username.
   */
  public void spendTheTimeOfOneCheck(String raw) {
    String dummy =
        DUMMY_HASHES.computeIfAbsent(
            settings.bcryptCost(),
            cost -> BCrypt.hashpw("galvani-dummy-password", BCrypt.gensalt(cost, RANDOM)));
    BCrypt.checkpw(prehash(raw == null ? "" : raw), dummy);
  }

  /**
   * Whether {@code stored} should be re-hashed: a lower cost than the settings' (a higher one is
   * kept; lowering the setting never weakens stored hashes).
   */
  public boolean needsRehash(String stored) {
    if (!isUsable(stored)) {
      return false;
    }
    String bcrypt = stored.substring(PREFIX.length());
    // $2a$12$...: the cost is the two digits after the second '$'
    try {
      return Integer.parseInt(bcrypt.substring(4, 6)) < settings.bcryptCost();
    } catch (RuntimeException malformed) {
      return true;
    }
  }

  /** The cost of a stored hash, for tests and {@code check --deploy}. */
  public static int costOf(String stored) {
    return Integer.parseInt(stored.substring(PREFIX.length() + 4, PREFIX.length() + 6));
  }

  private void requireAcceptableLength(String raw) {
    if (raw.length() > settings.maxPasswordLength()) {
      throw new IllegalArgumentException(
          "A password may be at most " + settings.maxPasswordLength() + " characters long");
    }
  }

  /** SHA-256 as 64 hex characters: under bcrypt's 72 bytes, with no NUL. */
  private static String prehash(String raw) {
    return Digests.sha256Hex(raw);
  }
}
