package dev.galvani.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pluggable backends, Django's permission semantics, and clearsessions. */
class BackendsAndPermissionsTest {
  String url;
  Galvani galvani;
  Database db;

  // snippet:backend
  /** A backend of another source: here, single sign-on tokens of the form "sso:<username>". */
  static final AuthenticationBackend SINGLE_SIGN_ON =
      (galvani, username, password) ->
          ("sso:" + username).equals(password)
              ? Orm.database(galvani).objects(User.class).filter("username", username).first()
              : Optional.empty();

  // end-snippet

  @BeforeEach
  void site() {
    url = TestDatabases.url(Vendor.H2);
    // snippet:backends
    AuthSettings auth =
        AuthSettings.defaults()
            .withBcryptCost(AuthSite.TEST_COST)
            .withBackends(SINGLE_SIGN_ON, new ModelBackend());
    // end-snippet
    assertEquals(0, AuthSite.command(AuthSite.settings(url, auth), "migrate").status());
    galvani = new Galvani(AuthSite.settings(url, auth));
    db = Orm.database(galvani);
  }

  @AfterEach
  void close() {
    galvani.close();
  }

  private User user(String name, boolean active, boolean superuser) {
    User user = new User(name);
    Auth.passwords(galvani).setPassword(user, "pw of " + name);
    user.setActive(active);
    user.setSuperuser(superuser);
    return db.save(user);
  }

  @Test
  void backendsAreAskedInOrder_andAnInactiveUserIsRefusedWhicheverAnswers() {
    user("ada", true, false);
    user("off", false, false);
    assertEquals("ada", Auth.authenticate(galvani, "ada", "sso:ada").orElseThrow().getUsername());
    assertEquals("ada", Auth.authenticate(galvani, "ada", "pw of ada").orElseThrow().getUsername());
    assertTrue(Auth.authenticate(galvani, "ada", "sso:grace").isEmpty());
    assertTrue(Auth.authenticate(galvani, "off", "sso:off").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> AuthSettings.defaults().withBackends());
  }

  @Test
  void permissions_followDjango_forSuperusers_inactiveUsers_groupsAndAnonymous() {
    user("root", true, true);
    user("former-root", false, true);
    User editor = user("editor", true, false);
    db.atomic(
        () -> {
          User managed = db.objects(User.class).get("id", editor.getId());
          Group editors = db.save(new Group("editors"));
          editors.getPermissions().add(permission("change_note"));
          managed.getGroups().add(editors);
          managed.getUserPermissions().add(permission("publish_note"));
        });
    db.session(
        () -> {
          User root = db.objects(User.class).get("username", "root");
          User formerRoot = db.objects(User.class).get("username", "former-root");
          User reader = db.objects(User.class).get("username", "editor");
          assertTrue(root.hasPerm("notes.anything_at_all"));
          assertTrue(root.hasModulePerms("notes"));
          assertFalse(formerRoot.hasPerm("notes.change_note"), "inactive: nothing");
          assertTrue(reader.hasPerm("notes.change_note"), "through the group");
          assertTrue(reader.hasPerm("notes.publish_note"), "given directly");
          assertTrue(reader.hasPerms(List.of("notes.change_note", "notes.publish_note")));
          assertFalse(reader.hasPerms(List.of("notes.change_note", "notes.delete_note")));
          assertTrue(reader.hasModulePerms("notes"));
          assertFalse(reader.hasModulePerms("auth"));
          return null;
        });
    assertFalse(AnonymousUser.INSTANCE.hasPerm("notes.view_note"));
    assertFalse(AnonymousUser.INSTANCE.hasModulePerms("notes"));
  }

  @Test
  void clearsessions_deletesOnlyExpiredSessions() {
    db.save(new StoredSession("e".repeat(43), "{}", Instant.now().minus(Duration.ofMinutes(1))));
    db.save(new StoredSession("l".repeat(43), "{}", Instant.now().plus(Duration.ofDays(1))));
    AuthSite.Result cleared = AuthSite.command(AuthSite.settings(url), "clearsessions");
    assertEquals(0, cleared.status(), cleared.err());
    assertEquals("Deleted 1 expired sessions\n", cleared.out());
    assertEquals(
        List.of("l".repeat(43)),
        db.objects(StoredSession.class).list().stream().map(StoredSession::getSessionKey).toList());
  }

  private Permission permission(String codename) {
    return db.objects(Permission.class).filter("appLabel", "notes").get("codename", codename);
  }
}
