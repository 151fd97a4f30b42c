package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's four password validators. */
class PasswordValidatorsTest {
  final PasswordValidators validators = PasswordValidators.defaults();

  private static User user(String username, String email) {
    User user = new User(username);
    user.setEmail(email);
    user.setFirstName("Ada");
    user.setLastName("Lovelace");
    return user;
  }

  @Test
  void aGoodPasswordPassesEveryRule() {
    assertEquals(
        List.of(),
        validators.validate("correct horse battery staple", user("ada", "ada@example.com")));
  }

  @Test
  void eachRuleNamesWhatIsWrong() {
    // snippet:validators
    User ada = user("marvelous_mrs_maisel", "midge@example.com");
    assertEquals(
        List.of("This password is too short. It must contain at least 8 characters."),
        validators.validate("x7!Tq", ada));
    assertEquals(
        List.of("This password is too common.", "This password is entirely numeric."),
        validators.validate("12345678", ada));
    assertEquals(List.of("This password is too common."), validators.validate("Password", ada));
    assertEquals(
        List.of("The password is too similar to the username."),
        validators.validate("marvelous_mrs_maisel1", ada));
    // end-snippet
    assertEquals(
        List.of("The password is too similar to the email address."),
        validators.validate("midge@example.org", ada));
  }

  @Test
  void theCommonListHoldsTwentyThousandPasswords() {
    assertEquals(20_000, PasswordValidators.CommonPasswords.INSTANCE.size());
  }

  @Test
  void similarityIsPythonsSequenceMatcherRatio() {
    // ratios printed by CPython 3.11's difflib.SequenceMatcher(a=..., b=...).ratio()
    assertEquals(
        0.975609756097561,
        PasswordValidators.ratio("marvelous_mrs_maisel1", "marvelous_mrs_maisel"),
        1e-12);
    assertEquals(0.75, PasswordValidators.ratio("abcd", "bcde"), 1e-12);
    assertEquals(0.0, PasswordValidators.ratio("qwerty123", "ada"), 1e-12);
    assertEquals(
        0.45454545454545453, PasswordValidators.ratio("hello world", "world hello"), 1e-12);
    assertEquals(
        0.8148148148148148, PasswordValidators.ratio("ada.lovelace", "adalovelace1815"), 1e-12);
  }

  @Test
  void aMegabytePasswordIsRefusedFast() {
    String huge = "x".repeat(1_000_000);
    List<String> problems =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> validators.validate(huge, user("ada", "")));
    assertEquals(
        List.of("This password is too long. It must contain at most 4096 characters."), problems);
  }
}
