package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createsuperuser (interactive and --noinput) and changepassword, as an operator runs them. */
class AuthCommandsTest {
  final AuthSettings auth = AuthSettings.defaults().withBcryptCost(AuthSite.TEST_COST);
  final InputStream stdin = System.in;
  String url;

  @BeforeEach
  void migrate() {
    url = TestDatabases.url(Vendor.H2);
    assertEquals(0, AuthSite.command(AuthSite.settings(url, auth), "migrate").status());
  }

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private AuthSite.Result run(Map<String, String> env, String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    return AuthSite.command(AuthSite.settings(url, auth, env), args);
  }

  private boolean canLogIn(String username, String password) {
    try (Galvani site = new Galvani(AuthSite.settings(url, auth))) {
      return Auth.authenticate(site, username, password).filter(User::isSuperuser).isPresent();
    }
  }

  @Test
  void noinput_readsTheEnvironment() {
    Map<String, String> env =
        Map.of(
            AuthCommands.USERNAME_VARIABLE, "admin",
            AuthCommands.EMAIL_VARIABLE, "admin@example.com",
            AuthCommands.PASSWORD_VARIABLE, "a long and rare passphrase");
    AuthSite.Result created = run(env, "", "createsuperuser", "--noinput");
    assertEquals(0, created.status(), created.err());
    assertEquals("Superuser created successfully.\n", created.out());
    assertTrue(canLogIn("admin", "a long and rare passphrase"));

    AuthSite.Result again = run(env, "", "createsuperuser", "--noinput");
    assertEquals(1, again.status());
    assertEquals("createsuperuser: the username 'admin' is taken\n", again.err());
  }

  @Test
  void noinput_refusesAWeakPassword_andWithoutOneTheAccountCannotLogIn() {
    AuthSite.Result weak =
        run(
            Map.of(
                AuthCommands.USERNAME_VARIABLE,
                "admin",
                AuthCommands.PASSWORD_VARIABLE,
                "12345678"),
            "",
            "createsuperuser",
            "--noinput");
    assertEquals(1, weak.status());
    assertEquals(
        "createsuperuser: This password is too common. This password is entirely numeric.\n",
        weak.err());

    AuthSite.Result none = run(Map.of(), "", "createsuperuser", "--noinput", "--username", "ops");
    assertEquals(0, none.status(), none.err());
    try (Galvani site = new Galvani(AuthSite.settings(url, auth))) {
      User ops = Orm.database(site).objects(User.class).get("username", "ops");
      assertTrue(ops.isSuperuser() && ops.isStaff());
      assertFalse(Passwords.isUsable(ops.getPassword()));
    }
    assertEquals(2, run(Map.of(), "", "createsuperuser", "--colour").status());
  }

  @Test
  void aBadUsernameOrEmail_isNamed_notAStackTrace() {
    AuthSite.Result longName =
        run(Map.of(), "", "createsuperuser", "--noinput", "--username", "x".repeat(151));
    assertEquals(1, longName.status());
    assertEquals(
        "createsuperuser: Ensure the username has at most 150 characters.\n", longName.err());
    AuthSite.Result spaces =
        run(Map.of(), "", "createsuperuser", "--noinput", "--username", "two words");
    assertEquals(1, spaces.status());
    assertTrue(spaces.err().contains("Enter a valid username."), spaces.err());
    AuthSite.Result email =
        run(
            Map.of(),
            "",
            "createsuperuser",
            "--noinput",
            "--username",
            "ops",
            "--email",
            "not-an-address");
    assertEquals("createsuperuser: Enter a valid email address.\n", email.err());

    AuthSite.Result asked =
        run(
            Map.of(),
            "bad name\nroot\nnope\nroot@example.com\na long and rare passphrase\na long and rare passphrase\n",
            "createsuperuser");
    assertEquals(0, asked.status(), asked.err());
    assertTrue(asked.err().contains("Error: Enter a valid username."), asked.err());
    assertTrue(asked.err().contains("Error: Enter a valid email address."), asked.err());
  }

  @Test
  void interactive_asksAgainUntilThePasswordsMatchAndPass() {
    AuthSite.Result created =
        run(
            Map.of(),
            "root\nroot@example.com\nfirst try\nsecond try\nshort\nshort\n"
                + "a long and rare passphrase\na long and rare passphrase\n",
            "createsuperuser");
    assertEquals(0, created.status(), created.err());
    assertEquals(
        "Error: Your passwords didn't match.\n"
            + "Error: This password is too short. It must contain at least 8 characters.\n"
            + "Error: This password is too common.\n",
        created.err());
    assertTrue(canLogIn("root", "a long and rare passphrase"));

    AuthSite.Result changed =
        run(
            Map.of(),
            "another rare passphrase\nanother rare passphrase\n",
            "changepassword",
            "root");
    assertEquals(0, changed.status(), changed.err());
    assertTrue(
        changed.out().endsWith("Password changed successfully for user 'root'\n"), changed.out());
    assertFalse(canLogIn("root", "a long and rare passphrase"));
    assertTrue(canLogIn("root", "another rare passphrase"));

    AuthSite.Result ended = run(Map.of(), "", "changepassword", "root");
    assertEquals(1, ended.status());
    assertEquals(1, run(Map.of(), "", "changepassword", "nobody").status());
  }
}
