package dev.galvani.i18n;

import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.MethodNotAllowed;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.security.RedirectTargets;
import java.time.Duration;
import java.util.Set;

/**
 * Django's {@code set_language}: a POST with {@code language} and {@code next} stores the language
 * in the language cookie and redirects to {@code next} when it stays on the site (else to the
 * {@code Referer} when it does, else to {@code /}). A {@code next} under a language prefix, also
 * this site's absolute URL, is moved to the new language's prefix. An unknown language changes
 * nothing. Only POST is accepted (405), so a link cannot change a visitor's language behind their
 * back.
 */
public final class SetLanguageView implements Handler {
  @Override
  public Response handle(Request request) {
    if (!request.method().equals("POST")) {
      throw new MethodNotAllowed(request.method(), Set.of("POST"));
    }
    I18nSettings settings = I18nApp.translations(request.galvani()).settings();
    String wanted = request.form().get("language", "");
    String next = request.form().get("next", request.header("Referer").orElse("/"));
    String language =
        Languages.isValid(wanted) && settings.languages().containsKey(Languages.normalize(wanted))
            ? Languages.normalize(wanted)
            : null;
    if (language != null) {
      next = translated(request, next, settings, language);
    }
    Response response = RedirectTargets.redirect(request, next, "/");
    if (language != null) {
      response.cookie(
          Cookie.of(settings.cookieName(), language).maxAge(Duration.ofDays(365)).httpOnly(false));
    }
    return response;
  }

  /** {@code /de/polls/} becomes {@code /fr/polls/} when the new language is fr. */
  private static String translated(
      Request request, String next, I18nSettings settings, String language) {
    String own = request.scheme() + "://" + request.host();
    if (next.startsWith(own + "/")) {
      next = next.substring(own.length()); // this site's absolute URL (a Referer): its path
    }
    if (!next.startsWith("/")) {
      return next;
    }
    for (String code : settings.languages().keySet()) {
      String prefix = "/" + code + "/";
      if (next.startsWith(prefix)) {
        return "/" + language + "/" + next.substring(prefix.length());
      }
    }
    return next;
  }
}
