package dev.galvani.i18n;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.forms.Field;
import dev.galvani.core.forms.Fields;
import dev.galvani.core.forms.Form;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.urls.Route;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A site in English, German (and Austrian German), French and Russian. */
final class I18nSite {
  private I18nSite() {}

  static Settings settings() {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("i18n-test-secret-with-enough-length-and-variety-0123456"))
        .staticRoot(Path.of("target", "no-static-root"))
        .apps(new I18nApp())
        .rootUrls(I18nSite::routes);
    // snippet:settings
    I18nSettings.of("en")
        .language("en", "English")
        .language("de", "Deutsch")
        .language("de-at", "Deutsch (Österreich)")
        .language("fr", "Français")
        .language("es", "Español")
        .language("ru", "Русский")
        .install(settings);
    List<Middleware> middleware = new ArrayList<>();
    for (Middleware layer : Settings.defaultMiddleware()) {
      middleware.add(layer);
      if (layer instanceof SessionMiddleware) {
        middleware.add(new LocaleMiddleware());
      }
    }
    settings.middleware(middleware);
    // end-snippet
    return settings;
  }

  static Galvani site() {
    return new Galvani(settings());
  }

  // snippet:urls
  static List<Route> routes() {
    return List.of(
        path("i18n/setlang/", new SetLanguageView(), "set-language"),
        path("plain/", I18nSite::plain, "plain"),
        path("form/", I18nSite::form, "form"),
        path("localized/", I18nSite::localized, "localized"),
        I18nUrls.i18nPatterns(
            List.of(
                path("polls/", I18nSite::polls, "polls"),
                path("polls/<int:id>/", I18nSite::plain, "detail"))));
  }

  // end-snippet

  static Response plain(Request request) {
    return Response.text(
        I18n.gettext("Latest polls") + " / " + request.get(Request.LANGUAGE).orElse("?"));
  }

  private static final Field<Integer> VOTES = Fields.integer("votes").max(10);

  /** A form's errors as text, in the request's language. */
  static Response form(Request request) {
    var bound = Form.of(VOTES).bind(request.query(), Map.of());
    return Response.text(String.join(" | ", bound.errors(VOTES)));
  }

  // snippet:localized-form
  static final Field<BigDecimal> AMOUNT =
      Fields.decimal("amount").label(I18n.gettextLazy("Amount"));
  static final Field<LocalDate> DAY = Fields.date("day").label(I18n.gettextLazy("Day"));

  // end-snippet

  /** Localized input read back in plain form, and the lazy labels in the request's language. */
  static Response localized(Request request) {
    var bound = Form.of(AMOUNT, DAY).bind(request.query(), Map.of());
    if (!bound.isValid()) {
      return Response.text(String.valueOf(bound.errors())).withStatus(400);
    }
    return Response.text(
        AMOUNT.label() + "=" + bound.value(AMOUNT) + " " + DAY.label() + "=" + bound.value(DAY));
  }

  static Response polls(Request request) {
    Map<String, Object> context = new HashMap<>();
    context.put("votes", Integer.parseInt(request.query().get("votes", "3")));
    context.put("name", "Ada");
    context.put("amount", new BigDecimal("1234.5"));
    context.put("day", LocalDate.of(2026, 1, 5));
    context.put("moment", Instant.parse("2026-01-05T14:04:00Z"));
    return Response.render(request, "i18ntest/polls.html", context);
  }
}
