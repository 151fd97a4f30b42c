package dev.galvani.auth;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.i18n.Translator;
import dev.galvani.core.security.RedirectTargets;
import dev.galvani.core.urls.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The login and logout views, Django's {@code LoginView} and {@code LogoutView}. Include them with
 * {@code include("accounts/", "auth", AuthViews.urls())}; the login page renders {@code
 * auth/login.html}, which a project overrides by shipping its own template of that name.
 */
public final class AuthViews {
  /** The msgid of the failed-login message (translated where shown). */
  static final String INVALID_LOGIN =
      Translator.gettextNoop(
          "Please enter a correct username and password. Note that both fields may be case-sensitive.");

  private AuthViews() {}

  /**
   * {@code login/} (GET shows the form, POST logs in), {@code logout/} (POST only), {@code
   * password_change/} (logged in), {@code password_reset/}, {@code reset/<uid>/<token>/} and their
   * "done" pages, named as Django's.
   */
  public static List<Route> urls() {
    return List.of(
        path("login/", AuthViews::login, "login").methods("GET", "POST"),
        path("logout/", AuthViews::logout, "logout").methods("POST"),
        path("password_change/", Auth.loginRequired(PasswordViews::change), "password_change")
            .methods("GET", "POST"),
        path(
                "password_change/done/",
                Auth.loginRequired(
                    request ->
                        PasswordViews.message(
                            request,
                            Translator.current().gettext("Password change successful"),
                            Translator.current().gettext("Your password was changed."))),
                "password_change_done")
            .methods("GET"),
        path("password_reset/", PasswordViews::reset, "password_reset").methods("GET", "POST"),
        path(
                "password_reset/done/",
                request ->
                    PasswordViews.message(
                        request,
                        Translator.current().gettext("Password reset sent"),
                        Translator.current()
                            .gettext(
                                "We've emailed you instructions for setting your password, if an"
                                    + " account exists with the email you entered. You should"
                                    + " receive them shortly.")),
                "password_reset_done")
            .methods("GET"),
        path("reset/<str:uid>/<str:token>/", PasswordViews::resetConfirm, "password_reset_confirm")
            .methods("GET", "POST"),
        path(
                "reset/done/",
                request ->
                    PasswordViews.message(
                        request,
                        Translator.current().gettext("Password reset complete"),
                        Translator.current()
                            .gettext(
                                "Your password has been set. You may go ahead and log in now.")),
                "password_reset_complete")
            .methods("GET"));
  }

  /**
   * GET: the form. POST: logs in and redirects to {@code next} when it is a safe URL on this site,
   * else to the settings' login redirect. A failed login answers 200 with the form again and one
   * message that does not say which field was wrong.
   */
  public static Response login(Request request) {
    AuthSettings settings = AuthSettings.of(request.galvani().settings());
    String next =
        request.method().equals("POST")
            ? request.form().get("next", "")
            : request.query().get("next", "");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("next", next);
    context.put("username", "");
    if (request.method().equals("POST")) {
      String username = request.form().get("username", "").strip();
      String password = request.form().get("password", "");
      context.put("username", username);
      Optional<User> user;
      try {
        user = Auth.authenticate(request, username, password);
      } catch (LockedOut locked) {
        context.put("error", locked.getMessage());
        Response page = Response.render(request, "auth/login.html", context).withStatus(429);
        return page.header("Retry-After", locked.headers().get("Retry-After"));
      }
      if (user.isPresent()) {
        Auth.login(request, user.get());
        return RedirectTargets.redirect(request, next, settings.loginRedirectUrl());
      }
      context.put("error", Translator.current().gettext(INVALID_LOGIN));
    }
    return Response.render(request, "auth/login.html", context);
  }

  /** POST: logs out and redirects to the settings' logout redirect. */
  public static Response logout(Request request) {
    Auth.logout(request);
    return Response.redirect(AuthSettings.of(request.galvani().settings()).logoutRedirectUrl());
  }
}
