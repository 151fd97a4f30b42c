package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** bcrypt with a SHA-256 pre-hash: long passwords, cost upgrades, unusable hashes, timing. */
class PasswordsTest {
  final Passwords passwords = new Passwords(AuthSettings.defaults().withBcryptCost(4));

  @Test
  void aHashVerifiesItsPassword_andNoOther() {
    String hash = passwords.hash("s3cret pass");
    assertTrue(hash.startsWith("bcrypt_sha256$$2a$04$"), hash);
    assertTrue(passwords.check("s3cret pass", hash));
    assertFalse(passwords.check("s3cret pasS", hash));
    assertNotEquals(hash, passwords.hash("s3cret pass"), "a new salt each time");
  }

  @Test
  void passwordsBeyondBcrypts72Bytes_stillDifferInTheirLastCharacter() {
    String a72 = "a".repeat(72);
    String hash = passwords.hash(a72 + "X");
    assertTrue(passwords.check(a72 + "X", hash));
    assertFalse(passwords.check(a72 + "Y", hash), "bcrypt alone would accept this");
    String multibyte = "é".repeat(40); // 80 bytes of UTF-8
    assertFalse(passwords.check("é".repeat(36) + "e".repeat(4), passwords.hash(multibyte)));
  }

  @Test
  void aMegabytePassword_isRefusedBeforeAnyHashing() {
    String huge = "x".repeat(1_000_000);
    Passwords production = new Passwords(AuthSettings.defaults());
    String hash = passwords.hash("short");
    assertFalse(
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> production.check(huge, hash)));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> passwords.hash(huge));
    assertEquals("A password may be at most 4096 characters long", refused.getMessage());
  }

  @Test
  void unusableAndMalformedHashes_neverMatch() {
    User user = new User("nobody");
    Passwords.setUnusablePassword(user);
    assertFalse(Passwords.isUsable(user.getPassword()));
    assertFalse(passwords.check("", user.getPassword()));
    assertFalse(passwords.check("anything", "bcrypt_sha256$not-a-bcrypt-hash"));
    assertFalse(passwords.check("anything", ""));
  }

  @Test
  void anOutdatedCost_isUpgradedOnASuccessfulLoginOnly() {
    String url = TestDatabases.url(Vendor.H2);
    AuthSite.Result migrated = AuthSite.command(AuthSite.settings(url), "migrate");
    assertEquals(0, migrated.status(), migrated.err());
    // the site now asks for cost 5; the stored hash has cost 4
    try (Galvani galvani =
        new Galvani(AuthSite.settings(url, AuthSettings.defaults().withBcryptCost(5)))) {
      Database db = Orm.database(galvani);
      User grace = new User("grace");
      passwords.setPassword(grace, "old but fine");
      db.save(grace);

      assertTrue(Auth.authenticate(galvani, "grace", "wrong").isEmpty());
      assertEquals(
          4,
          Passwords.costOf(db.objects(User.class).get("username", "grace").getPassword()),
          "no upgrade on a failure");

      assertTrue(Auth.authenticate(galvani, "grace", "old but fine").isPresent());
      String upgraded = db.objects(User.class).get("username", "grace").getPassword();
      assertEquals(5, Passwords.costOf(upgraded));
      assertTrue(
          Auth.authenticate(galvani, "grace", "old but fine").isPresent(),
          "still the same password");
    }
  }

  @Test
  void theProductionDefaultCostIs12() {
    assertEquals(12, Passwords.costOf(new Passwords(AuthSettings.defaults()).hash("pw")));
    assertThrows(IllegalArgumentException.class, () -> AuthSettings.defaults().withBcryptCost(3));
  }

  @Test
  void unknownUsersTakeAsLongAsKnownOnes() {
    String url = TestDatabases.url(Vendor.H2);
    AuthSite.command(AuthSite.settings(url), "migrate");
    AuthSettings cost10 = AuthSettings.defaults().withBcryptCost(10);
    try (Galvani galvani = new Galvani(AuthSite.settings(url, cost10))) {
      User known = new User("known");
      new Passwords(cost10).setPassword(known, "the real password");
      Orm.database(galvani).save(known);
      for (int warm = 0; warm < 3; warm++) {
        Auth.authenticate(galvani, "known", "wrong");
        Auth.authenticate(galvani, "unknown", "wrong");
      }
      long[] knownNanos = new long[11];
      long[] unknownNanos = new long[11];
      for (int i = 0; i < knownNanos.length; i++) {
        long start = System.nanoTime();
        Auth.authenticate(galvani, "known", "wrong");
        knownNanos[i] = System.nanoTime() - start;
        start = System.nanoTime();
        Auth.authenticate(galvani, "unknown-" + i, "wrong");
        unknownNanos[i] = System.nanoTime() - start;
      }
      // medians, so one descheduled call on a busy machine does not decide
      java.util.Arrays.sort(knownNanos);
      java.util.Arrays.sort(unknownNanos);
      double ratio = (double) unknownNanos[5] / knownNanos[5];
      assertTrue(ratio >= 0.8 && ratio <= 1.2, "unknown/known time ratio " + ratio);
    }
  }
}
