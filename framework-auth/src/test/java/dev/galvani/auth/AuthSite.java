package dev.galvani.auth;

import static dev.galvani.core.urls.Urls.include;
import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A small site with the auth app, its views and guarded pages, on a given database. */
final class AuthSite {
  /** bcrypt's lowest cost, so the tests run fast; one test checks the production default. */
  static final int TEST_COST = 4;

  private AuthSite() {}

  static Settings settings(String url) {
    return settings(url, AuthSettings.defaults().withBcryptCost(TEST_COST));
  }

  static Settings settings(String url, AuthSettings auth) {
    return settings(url, auth, Map.of());
  }

  static Settings settings(String url, AuthSettings auth, Map<String, String> environment) {
    Settings settings = new Settings(new Env(environment, Map.of()));
    settings
        .secretKey(Secret.of("auth-test-secret-key-long-enough-0123456789-abcdefghij"))
        // snippet:setup
        .apps(new OrmApp(), new AuthApp(), new NotesApp())
        .rootUrls(AuthSite::routes)
        .set(OrmSettings.KEY, OrmSettings.of(url))
        .set(AuthSettings.KEY, auth)
        .set(SessionSettings.KEY, SessionSettings.defaults().withStore(new DatabaseSessionStore()));
    // end-snippet
    return settings;
  }

  static List<dev.galvani.core.urls.Route> routes() {
    return List.of(
        // snippet:guards
        include("accounts/", "auth", AuthViews.urls()),
        path("", request -> Response.text("home of " + Auth.user(request).getUsername()), "home"),
        path(
            "private/",
            Auth.loginRequired(
                request -> Response.text("private page of " + Auth.user(request).getUsername())),
            "private"),
        path(
            "notes/edit/",
            Auth.permissionRequired(request -> Response.text("editing notes"), "notes.change_note"),
            "edit-notes"),
        // end-snippet
        path(
            "visit/",
            request -> {
              dev.galvani.core.sessions.Session.of(request).set("visited", true);
              return Response.text("visited");
            },
            "visit"),
        path(
            "profile/",
            Auth.loginRequired(
                // snippet:profile-view
                request -> {
                  User user = Auth.currentUser(request).orElseThrow();
                  Profile profile =
                      dev.galvani.orm.Orm.database(request.galvani())
                          .objects(Profile.class)
                          .get("user", user);
                  return Response.text(user.getUsername() + ": " + profile.getBio());
                }
                // end-snippet
                ),
            "profile"),
        path("staff/", Auth.staffRequired(request -> Response.text("staff room")), "staff"),
        path(
                "change-password/",
                Auth.loginRequired(
                    request -> {
                      // snippet:change-password
                      // what a password-change view does once its form is valid
                      User user = Auth.currentUser(request).orElseThrow();
                      Auth.passwords(request.galvani())
                          .setPassword(user, request.form().get("new", ""));
                      dev.galvani.orm.Orm.database(request.galvani())
                          .objects(User.class)
                          .bulkUpdate(List.of(user), "password");
                      Auth.updateSessionAuthHash(request, user);
                      return Response.text("changed");
                      // end-snippet
                    }),
                "change-password")
            .methods("POST"),
        path("about/", request -> Response.render(request, "notes/about.html", Map.of()), "about"),
        path(
            "whoami/",
            request -> Response.render(request, "notes/whoami.html", Map.of()),
            "whoami"),
        path(
            "marked/",
            request -> {
              Auth.user(request);
              return Response.text(
                  "authenticated: " + request.get(Request.AUTHENTICATED).orElse(false));
            },
            "marked"));
  }

  /** A site with these auth settings on a fresh in-memory database, migrated. */
  static Galvani migratedSite(AuthSettings auth) {
    String url = dev.galvani.orm.test.TestDatabases.url(dev.galvani.orm.Vendor.H2);
    Result migrated = command(settings(url, auth), "migrate");
    if (migrated.status() != 0) {
      throw new IllegalStateException("migrate failed: " + migrated.err());
    }
    return new Galvani(settings(url, auth));
  }

  /** Saves a user with this password on the site's database. */
  static User user(Galvani site, String username, String password) {
    User user = new User(username);
    Auth.passwords(site).setPassword(user, password);
    return dev.galvani.orm.Orm.database(site).save(user);
  }

  /** Runs a command on a site of these settings; returns the exit status and what it printed. */
  static Result command(Settings settings, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Galvani.execute(
            settings,
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Result(int status, String out, String err) {}
}
