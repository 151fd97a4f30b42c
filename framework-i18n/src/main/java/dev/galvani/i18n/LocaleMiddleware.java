package dev.galvani.i18n;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.urls.ResolverMatch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses each request's language and activates it (Django's LocaleMiddleware), in this order:
 *
 * <ol>
 *   <li>the URL's language prefix, for routes under {@link I18nUrls#i18nPatterns};
 *   <li>the language cookie the set-language view writes;
 *   <li>the {@code Accept-Language} header, by q-value, with {@code de-at} matching {@code de} and
 *       {@code de} matching {@code de-at};
 *   <li>the default language.
 * </ol>
 *
 * <p>The response gets {@code Content-Language}, and {@code Vary: Accept-Language, Cookie} when the
 * URL did not decide. A path that is not found but exists under the chosen language's prefix is
 * redirected there ({@code /polls/} -> {@code /de/polls/}). Only the first 500 characters of {@code
 * Accept-Language} are read, and codes longer than {@value Languages#MAX_CODE_LENGTH} characters
 * are ignored, so hostile headers cost nothing. The time zone comes from the {@code
 * galvani_timezone} cookie when it names a zone, else the settings'.
 *
 * <p>List it after the session middleware and before the common middleware.
 */
public final class LocaleMiddleware implements Middleware {
  /** Django's ACCEPT_LANGUAGE_HEADER_MAX_LENGTH. */
  static final int MAX_HEADER_CHARS = 500;

  /** The cookie that may name the visitor's time zone ({@code Europe/Vienna}). */
  public static final String TIME_ZONE_COOKIE = "galvani_timezone";

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      Translations translations = I18nApp.translations(request.galvani());
      I18nSettings settings = translations.settings();
      Optional<String> fromUrl = fromUrl(request, settings);
      String language = fromUrl.orElseGet(() -> chooseLanguage(request, settings));
      request.set(Request.LANGUAGE, language);
      request.set(TimeZones.KEY, timeZone(request, settings));
      Response response;
      try (var scope = I18n.activate(translations.translation(language))) {
        response = next.handle(request);
        if (response.status() == 404 && fromUrl.isEmpty()) {
          Optional<Response> redirect = prefixedRedirect(request, language);
          if (redirect.isPresent()) {
            response = redirect.get();
          }
        }
      }
      if (fromUrl.isEmpty()) {
        response.varyOn("Accept-Language", "Cookie");
      }
      response.headers().setIfAbsent("Content-Language", language);
      return response;
    };
  }

  private static Optional<String> fromUrl(Request request, I18nSettings settings) {
    return request
        .match()
        .map(ResolverMatch::args)
        .map(args -> args.get(I18nUrls.ARGUMENT))
        .map(String::valueOf)
        .filter(settings.languages()::containsKey);
  }

  /** The cookie's language, else the header's, else the default. */
  static String chooseLanguage(Request request, I18nSettings settings) {
    Set<String> offered = settings.languages().keySet();
    Optional<String> cookie =
        request
            .cookie(settings.cookieName())
            .filter(Languages::isValid)
            .flatMap(code -> supported(code, offered));
    if (cookie.isPresent()) {
      return cookie.get();
    }
    for (String wanted : acceptLanguage(request.header("Accept-Language").orElse(""))) {
      if (wanted.equals("*")) {
        break;
      }
      Optional<String> match = supported(wanted, offered);
      if (match.isPresent()) {
        return match.get();
      }
    }
    return settings.defaultLanguage();
  }

  /**
   * The offered code for a wanted one (Django's get_supported_language_variant): the code itself,
   * its base language, or an offered variant of that base.
   */
  static Optional<String> supported(String wanted, Set<String> offered) {
    String code = Languages.normalize(wanted);
    if (offered.contains(code)) {
      return Optional.of(code);
    }
    String base = Languages.base(code);
    if (offered.contains(base)) {
      return Optional.of(base);
    }
    return offered.stream().filter(o -> o.startsWith(base + "-")).findFirst();
  }

  /** The header's language ranges, best first; ranges with q=0 or malformed ones are dropped. */
  static List<String> acceptLanguage(String header) {
    String text = header;
    if (text.length() > MAX_HEADER_CHARS) {
      int comma = text.lastIndexOf(',', MAX_HEADER_CHARS);
      text = comma < 0 ? "" : text.substring(0, comma);
    }
    record Ranked(String code, double q, int order) {}
    List<Ranked> ranked = new ArrayList<>();
    int order = 0;
    for (String item : text.split(",")) {
      String[] parts = item.trim().split(";");
      String code = parts[0].trim();
      if (!code.equals("*") && !Languages.isValid(code)) {
        continue;
      }
      double q = 1.0;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim();
        if (parameter.startsWith("q=")) {
          try {
            q = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            q = -1;
          }
        }
      }
      if (q > 0 && q <= 1) {
        ranked.add(new Ranked(code, q, order++));
      }
    }
    ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.q()).thenComparingInt(Ranked::order));
    return ranked.stream().map(Ranked::code).toList();
  }

  private static ZoneId timeZone(Request request, I18nSettings settings) {
    return request
        .cookie(TIME_ZONE_COOKIE)
        .filter(name -> name.length() <= 64 && ZoneId.getAvailableZoneIds().contains(name))
        .map(ZoneId::of)
        .orElse(settings.timeZone());
  }

  /** A redirect to the same path under the language's prefix, when a route is there. */
  private static Optional<Response> prefixedRedirect(Request request, String language) {
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Optional.empty();
    }
    Galvani galvani = request.galvani();
    String prefixed = "/" + language + request.path();
    if (!galvani.urls().matches("GET", prefixed)) {
      return Optional.empty();
    }
    String query = request.queryString();
    return Optional.of(
        Response.redirect(
            "/" + language + request.rawPath() + (query.isEmpty() ? "" : "?" + query)));
  }
}
