package dev.galvani.auth;

import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.i18n.Translator;
import dev.galvani.core.mail.EmailBackend;
import dev.galvani.core.mail.EmailMessage;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing a password (logged in) and resetting a forgotten one by email, as Django's {@code
 * PasswordChangeView} and {@code PasswordResetView} family. Part of {@link AuthViews#urls()}.
 */
final class PasswordViews {
  static final String OLD_PASSWORD_WRONG =
      Translator.gettextNoop("Your old password was entered incorrectly. Please enter it again.");
  static final String MISMATCH = Translator.gettextNoop("The two password fields didn't match.");

  private static final Logger LOG = LoggerFactory.getLogger("galvani.auth");

  /** One daemon thread for reset emails, which are rare. */
  private static final ExecutorService MAIL =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "galvani-auth-mail");
            thread.setDaemon(true);
            return thread;
          });

  private PasswordViews() {}

  /** {@code password_change/}: the old password once, the new one twice. */
  static Response change(Request request) {
    User user = Auth.currentUser(request).orElseThrow();
    Map<String, Object> context = new LinkedHashMap<>();
    if (request.method().equals("POST")) {
      Passwords passwords = Auth.passwords(request.galvani());
      List<String> errors = new ArrayList<>();
      if (!passwords.check(request.form().get("old_password", ""), user.getPassword())) {
        errors.add(Translator.current().gettext(OLD_PASSWORD_WRONG));
      } else {
        errors.addAll(newPasswordProblems(request, user));
      }
      if (errors.isEmpty()) {
        passwords.setPassword(user, request.form().get("new_password1", ""));
        Orm.database(request.galvani()).objects(User.class).bulkUpdate(List.of(user), "password");
        Auth.updateSessionAuthHash(request, user);
        return Response.redirect(request.galvani().reverse("auth:password_change_done"));
      }
      context.put("errors", errors);
    }
    return Response.render(request, "auth/password_change.html", context);
  }

  /**
   * {@code password_reset/}: emails a one-time link to every active user with that address and a
   * usable password, and answers the same way whether or not there is one.
   */
  static Response reset(Request request) {
    if (request.method().equals("POST")) {
      String email = request.form().get("email", "").strip();
      if (!email.isEmpty()
          && email.length() <= 254
          && email.chars().noneMatch(Character::isISOControl)) {
        Database db = Orm.database(request.galvani());
        AuthSettings settings = AuthSettings.of(request.galvani().settings());
        PasswordResetTokens tokens = PasswordResetTokens.of(request.galvani());
        List<EmailMessage> messages = new ArrayList<>();
        for (User user : db.objects(User.class).filter("email__iexact", email).list()) {
          if (!user.isActive() || !Passwords.isUsable(user.getPassword())) {
            continue;
          }
          // the host was checked against ALLOWED_HOSTS before any view ran
          String link =
              request.scheme()
                  + "://"
                  + request.host()
                  + request
                      .galvani()
                      .reverse("auth:password_reset_confirm", uid(user), tokens.make(user));
          messages.add(
              new EmailMessage(
                  Translator.current()
                      .gettext("Password reset on {host}", Map.of("host", request.host())),
                  Translator.current()
                      .gettext(
                          "You're receiving this email because you asked for a password reset"
                              + " for your user account at {host}.\n\nPlease go to the following"
                              + " page and choose a new password:\n\n{link}\n\nYour username, in"
                              + " case you've forgotten: {username}\n",
                          Map.of(
                              "host",
                              request.host(),
                              "link",
                              link,
                              "username",
                              user.getUsername())),
                  settings.fromEmail(),
                  List.of(user.getEmail())));
        }
        if (!messages.isEmpty()) {
          send(EmailBackend.of(request.galvani()), messages);
        }
      }
      return Response.redirect(request.galvani().reverse("auth:password_reset_done"));
    }
    return Response.render(request, "auth/password_reset.html", Map.of());
  }

  /**
   * Sends in the background, so neither the time the mail server takes nor its failure (logged)
   * tells the visitor whether the address has an account.
   */
  private static void send(EmailBackend backend, List<EmailMessage> messages) {
    MAIL.execute(
        () -> {
          try {
            backend.send(messages);
          } catch (RuntimeException e) {
            LOG.error("Could not send {} password-reset email(s)", messages.size(), e);
          }
        });
  }

  /** {@code reset/<uid>/<token>/}: the new password twice, if the link is still good. */
  static Response resetConfirm(Request request) {
    Optional<User> user = userOf(request, request.pathString("uid"));
    String token = request.pathString("token");
    PasswordResetTokens tokens = PasswordResetTokens.of(request.galvani());
    if (user.isEmpty() || !tokens.check(user.get(), token)) {
      return Response.render(request, "auth/password_reset_confirm.html", Map.of("invalid", true));
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("invalid", false);
    if (request.method().equals("POST")) {
      List<String> errors = newPasswordProblems(request, user.get());
      if (errors.isEmpty()) {
        Auth.passwords(request.galvani())
            .setPassword(user.get(), request.form().get("new_password1", ""));
        Orm.database(request.galvani())
            .objects(User.class)
            .bulkUpdate(List.of(user.get()), "password");
        return Response.redirect(request.galvani().reverse("auth:password_reset_complete"));
      }
      context.put("errors", errors);
    }
    return Response.render(request, "auth/password_reset_confirm.html", context);
  }

  /** A short page after each flow: "done" messages. */
  static Response message(Request request, String title, String text) {
    return Response.render(request, "auth/message.html", Map.of("title", title, "text", text));
  }

  private static List<String> newPasswordProblems(Request request, User user) {
    String first = request.form().get("new_password1", "");
    if (!first.equals(request.form().get("new_password2", ""))) {
      return List.of(Translator.current().gettext(MISMATCH));
    }
    return PasswordValidators.defaults().validate(first, user);
  }

  static String uid(User user) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(user.getId()).array());
  }

  private static Optional<User> userOf(Request request, String uid) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(uid);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != Long.BYTES) {
      return Optional.empty();
    }
    long id = ByteBuffer.wrap(bytes).getLong();
    return Orm.database(request.galvani()).objects(User.class).filter("id", id).first();
  }
}
