package dev.galvani.auth;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.PermissionDenied;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.i18n.Translator;
import dev.galvani.core.security.Csrf;
import dev.galvani.core.security.Signer;
import dev.galvani.core.sessions.Session;
import dev.galvani.orm.Orm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logging in and out, the current user, and guards for views: Django's {@code authenticate}, {@code
 * login}, {@code logout}, {@code request.user} and the {@code login_required} family.
 *
 * <pre>{@code
 * Optional<User> user = Auth.authenticate(request, username, password);
 * if (user.isPresent()) {
 *   Auth.login(request, user.get());
 * }
 * }</pre>
 *
 * <p>The session holds the user's id and a keyed hash of their password hash. Changing the password
 * changes that hash, which logs out every other session of the user; {@link #updateSessionAuthHash}
 * keeps the session that made the change.
 */
public final class Auth {
  static final String USER_ID = "_auth_user_id";
  static final String USER_HASH = "_auth_user_hash";
  private static final Key<CurrentUser> CURRENT = Key.of("auth.user", CurrentUser.class);

  private Auth() {}

  /**
   * The active user with this username and password, or empty. A wrong password, an unknown or
   * inactive user and an over-long password all answer empty in about the same time. On success a
   * hash of an outdated cost is replaced by one of the current cost.
   *
   * <p>Failed logins are counted per username and per client address (see {@link
   * AuthSettings.Lockout}); past the limit every attempt is refused until the cool-off has passed,
   * whatever the password.
   *
   * @throws LockedOut (429) when the username or the address is locked
   */
  public static Optional<User> authenticate(Request request, String username, String password) {
    String name = username == null ? "" : username;
    if (name.chars().anyMatch(Character::isISOControl)) {
      // no username holds control characters (and PostgreSQL refuses NUL): a plain failure
      passwords(request.galvani()).spendTheTimeOfOneCheck(password);
      return Optional.empty();
    }
    String address = request.clientIp();
    Lockouts lockouts =
        new Lockouts(
            Orm.database(request.galvani()),
            AuthSettings.of(request.galvani().settings()).lockout());
    lockouts.attempt(name, address);
    Optional<User> user = authenticate(request.galvani(), name, password);
    if (user.isPresent()) {
      lockouts.succeeded(name, address);
    }
    return user;
  }

  /**
   * {@link #authenticate(Request, String, String)} outside a request (commands, tests), without the
   * failed-login throttling, which needs the client's address.
   */
  public static Optional<User> authenticate(Galvani galvani, String username, String password) {
    for (AuthenticationBackend backend : AuthSettings.of(galvani.settings()).backends()) {
      Optional<User> user = backend.authenticate(galvani, username, password);
      if (user.isPresent() && user.get().isActive()) {
        return user;
      }
    }
    return Optional.empty();
  }

  /**
   * Logs {@code user} in on this request's session: a new session key (an id planted or seen before
   * login is worthless after it), a new CSRF token, and the last login time.
   */
  public static void login(Request request, User user) {
    Session session = Session.of(request);
    Optional<Long> previous = session.get(USER_ID, Long.class);
    if (previous.isPresent() && !previous.get().equals(user.getId())) {
      session.flush(); // another user's data must not carry over
    } else {
      session.cycleKey();
    }
    session.set(USER_ID, user.getId());
    session.set(USER_HASH, sessionHash(request.galvani(), user));
    if (Csrf.isActive(request)) {
      Csrf.rotate(request);
    }
    user.setLastLogin(Instant.now());
    Orm.database(request.galvani()).objects(User.class).bulkUpdate(List.of(user), "lastLogin");
    request.set(CURRENT, new CurrentUser(user));
    request.set(Request.AUTHENTICATED, true);
  }

  /** Logs out: the session is deleted server-side and replaced by an empty one. */
  public static void logout(Request request) {
    Session.of(request).flush();
    request.set(CURRENT, new CurrentUser(AnonymousUser.INSTANCE));
  }

  /**
   * After a user changed their own password: keeps this session logged in, while every other
   * session of the user is logged out by the change.
   */
  public static void updateSessionAuthHash(Request request, User user) {
    Session session = Session.of(request);
    if (session.get(USER_ID, Long.class).filter(user.getId()::equals).isPresent()) {
      session.cycleKey();
      session.set(USER_HASH, sessionHash(request.galvani(), user));
    }
  }

  /** The account making the request: the logged-in user or {@link AnonymousUser#INSTANCE}. */
  public static Account user(Request request) {
    Optional<CurrentUser> current = request.get(CURRENT);
    if (current.isPresent()) {
      return current.get().account();
    }
    CurrentUser loaded = new CurrentUser(load(request));
    request.set(CURRENT, loaded);
    if (loaded.account() instanceof User) {
      request.set(Request.AUTHENTICATED, true); // the page may now be this user's own
    }
    return loaded.account();
  }

  /** The logged-in user, empty for an anonymous visitor. */
  public static Optional<User> currentUser(Request request) {
    return user(request) instanceof User user ? Optional.of(user) : Optional.empty();
  }

  private static Account load(Request request) {
    Optional<Session> maybe = request.get(Session.KEY);
    if (maybe.isEmpty()) {
      return AnonymousUser.INSTANCE;
    }
    Session session = maybe.get();
    Optional<Long> id;
    Optional<String> hash;
    try {
      id = session.get(USER_ID, Long.class);
      hash = session.get(USER_HASH, String.class);
    } catch (IllegalArgumentException tampered) {
      return AnonymousUser.INSTANCE;
    }
    if (id.isEmpty() || hash.isEmpty()) {
      return AnonymousUser.INSTANCE;
    }
    Optional<User> user =
        Orm.database(request.galvani()).objects(User.class).filter("id", id.get()).first();
    if (user.isEmpty()
        || !user.get().isActive()
        || !sessionHasher(request.galvani()).verifyMac(user.get().getPassword(), hash.get())) {
      // the password changed since this session logged in, or the user is gone or inactive
      session.flush();
      return AnonymousUser.INSTANCE;
    }
    return user.get();
  }

  /** HMAC-SHA256 of the password hash under the site's secret key. */
  static String sessionHash(Galvani galvani, User user) {
    return sessionHasher(galvani).mac(user.getPassword());
  }

  /** Keyed by SECRET_KEY; a fallback key still verifies, so a key rotation logs nobody out. */
  private static Signer sessionHasher(Galvani galvani) {
    return galvani.signer("galvani.auth.session-hash");
  }

  /**
   * The site's password hasher, with its settings' bcrypt cost: {@code setPassword}, {@code check}.
   */
  public static Passwords passwords(Galvani galvani) {
    return new Passwords(AuthSettings.of(galvani.settings()));
  }

  // ---- guards ----

  /**
   * {@code view} for logged-in users; anonymous visitors are redirected to the login page with
   * {@code ?next=} this path. Django's {@code @login_required}.
   */
  public static Handler loginRequired(Handler view) {
    return request -> user(request).isAuthenticated() ? view.handle(request) : toLogin(request);
  }

  /**
   * {@code view} for users holding every one of {@code permissions}: anonymous visitors go to the
   * login page, logged-in users without them get 403. Django's {@code @permission_required}.
   */
  public static Handler permissionRequired(Handler view, String... permissions) {
    List<String> required = List.of(permissions);
    return request -> {
      Account account = user(request);
      if (!account.isAuthenticated()) {
        return toLogin(request);
      }
      if (!account.hasPerms(required)) {
        throw new PermissionDenied(
            Translator.current().gettext("You do not have permission to view this page."));
      }
      return view.handle(request);
    };
  }

  /** {@code view} for active staff users (403 for other users, login for anonymous visitors). */
  public static Handler staffRequired(Handler view) {
    return request -> {
      Account account = user(request);
      if (!account.isAuthenticated()) {
        return toLogin(request);
      }
      if (!account.isActive() || !account.isStaff()) {
        throw new PermissionDenied(Translator.current().gettext("This page is for staff only."));
      }
      return view.handle(request);
    };
  }

  private static Response toLogin(Request request) {
    String login = AuthSettings.of(request.galvani().settings()).loginUrl();
    return Response.redirect(
        login + "?next=" + URLEncoder.encode(request.fullPath(), StandardCharsets.UTF_8));
  }

  /** The per-request holder, so a view that never asks never loads the user. */
  record CurrentUser(Account account) {}
}
