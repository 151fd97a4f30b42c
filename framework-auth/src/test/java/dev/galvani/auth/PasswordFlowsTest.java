package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.mail.EmailBackend;
import dev.galvani.core.mail.EmailMessage;
import dev.galvani.core.mail.InMemoryEmailBackend;
import dev.galvani.core.security.Signer;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing a password while logged in, and resetting a forgotten one by email. */
class PasswordFlowsTest {
  static final String PASSWORD = "correct horse battery staple";
  Galvani galvani;
  Database db;
  InMemoryEmailBackend mail;

  @BeforeEach
  void site() {
    String url = TestDatabases.url(Vendor.H2);
    assertEquals(0, AuthSite.command(AuthSite.settings(url), "migrate").status());
    mail = new InMemoryEmailBackend();
    // snippet:email
    galvani = new Galvani(AuthSite.settings(url).set(EmailBackend.KEY, mail));
    // end-snippet
    db = Orm.database(galvani);
    User ada = new User("ada");
    ada.setEmail("Ada@Example.com");
    Auth.passwords(galvani).setPassword(ada, PASSWORD);
    db.save(ada);
  }

  @AfterEach
  void close() {
    galvani.close();
  }

  private TestClient loggedIn(String password) {
    TestClient client = new TestClient(galvani);
    TestResponse login =
        client.post(
            "/accounts/login/", Map.of("username", "ada", "password", password, "next", "/"));
    assertEquals(302, login.status(), login.text());
    return client;
  }

  private static Map<String, String> change(String old, String first, String second) {
    return Map.of("old_password", old, "new_password1", first, "new_password2", second);
  }

  @Test
  void passwordChange_checksTheOldPassword_theRepeat_andTheValidators() {
    assertEquals(302, new TestClient(galvani).get("/accounts/password_change/").status());
    TestClient client = loggedIn(PASSWORD);
    TestClient other = loggedIn(PASSWORD);
    assertEquals(200, client.get("/accounts/password_change/").status());

    String wrongOld =
        client
            .post(
                "/accounts/password_change/",
                change("nope", "a fresh passphrase", "a fresh passphrase"))
            .text();
    assertTrue(wrongOld.contains(PasswordViews.OLD_PASSWORD_WRONG), wrongOld);
    String mismatch =
        client
            .post(
                "/accounts/password_change/",
                change(PASSWORD, "a fresh passphrase", "a fresh passphrasE"))
            .text();
    assertTrue(mismatch.contains(escaped(PasswordViews.MISMATCH)), mismatch);
    String common =
        client
            .post("/accounts/password_change/", change(PASSWORD, "password1", "password1"))
            .text();
    assertTrue(common.contains("This password is too common."), common);

    TestResponse changed =
        client.post(
            "/accounts/password_change/",
            change(PASSWORD, "a fresh passphrase", "a fresh passphrase"));
    assertEquals("/accounts/password_change/done/", changed.header("Location").orElseThrow());
    assertTrue(
        client
            .get("/accounts/password_change/done/")
            .text()
            .contains("Your password was changed."));
    assertEquals("home of ada", client.get("/").text(), "the changing session stays logged in");
    assertEquals("home of ", other.get("/").text(), "other sessions are logged out");
    loggedIn("a fresh passphrase");
  }

  @Test
  void passwordReset_emailsAOneTimeLink_andAnswersTheSameForUnknownAddresses() {
    TestClient client = new TestClient(galvani);
    TestResponse unknown =
        client.post("/accounts/password_reset/", Map.of("email", "nobody@example.com"));
    TestResponse known =
        client.post("/accounts/password_reset/", Map.of("email", "ada@example.com"));
    assertEquals("/accounts/password_reset/done/", unknown.header("Location").orElseThrow());
    assertEquals(unknown.header("Location"), known.header("Location"), "no way to tell them apart");

    List<EmailMessage> sent = awaitMail();
    assertEquals(1, sent.size(), "none for the unknown address");
    assertEquals(List.of("Ada@Example.com"), sent.get(0).to());
    Matcher link =
        Pattern.compile("https?://([^/\\s]+)(/accounts/reset/[^\\s]+/)")
            .matcher(sent.get(0).body());
    assertTrue(link.find(), sent.get(0).body());
    String path = link.group(2);

    assertTrue(client.get(path).text().contains("Enter new password"));
    String mismatch =
        client
            .post(path, Map.of("new_password1", "a new passphrase", "new_password2", "other"))
            .text();
    assertTrue(mismatch.contains(escaped(PasswordViews.MISMATCH)), mismatch);
    TestResponse set =
        client.post(
            path, Map.of("new_password1", "a new passphrase", "new_password2", "a new passphrase"));
    assertEquals("/accounts/reset/done/", set.header("Location").orElseThrow());
    loggedIn("a new passphrase");

    assertTrue(
        client.get(path).text().contains("The password reset link was invalid"), "single use");
    String tampered = path.substring(0, path.length() - 3) + "0a/";
    assertTrue(client.get(tampered).text().contains("The password reset link was invalid"));
    assertTrue(
        client
            .get("/accounts/reset/AAAA/x-y/")
            .text()
            .contains("The password reset link was invalid"));
  }

  @Test
  void resetTokens_expire_andDieWhenThePasswordOrLastLoginChanges() {
    User ada = db.objects(User.class).get("username", "ada");
    Instant made = Instant.parse("2026-11-24T12:00:00Z");
    String token = tokensAt(made).make(ada);
    assertTrue(tokensAt(made.plus(Duration.ofDays(3))).check(ada, token));
    assertFalse(tokensAt(made.plus(Duration.ofDays(3)).plusSeconds(1)).check(ada, token));
    assertFalse(tokensAt(made.minusSeconds(60)).check(ada, token), "not from the future");

    Auth.passwords(galvani).setPassword(ada, "another passphrase");
    assertFalse(tokensAt(made).check(ada, token));
    String second = tokensAt(made).make(ada);
    ada.setLastLogin(made);
    assertFalse(tokensAt(made).check(ada, second));
    String third = tokensAt(made).make(ada);
    ada.setEmail("new@example.com");
    assertFalse(tokensAt(made).check(ada, third), "a changed address ends the link");
  }

  /** The outbox once the background sender has delivered something (at most 10 s). */
  private List<EmailMessage> awaitMail() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (mail.outbox().isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return mail.outbox();
  }

  /** How Thymeleaf writes a message into the page. */
  private static String escaped(String text) {
    return text.replace("'", "&#39;");
  }

  private PasswordResetTokens tokensAt(Instant now) {
    return new PasswordResetTokens(
        new Signer("secret", "reset"), Duration.ofDays(3), Clock.fixed(now, ZoneOffset.UTC));
  }
}
