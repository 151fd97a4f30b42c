package dev.galvani.examples.polls;

import static dev.galvani.core.urls.Urls.include;
import static dev.galvani.core.urls.Urls.path;

import dev.galvani.auth.AuthViews;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.urls.Route;
import dev.galvani.i18n.SetLanguageView;
import java.util.List;

/** The root URL patterns: the polls app under {@code /polls/}, and {@code /} leading there. */
public final class SiteUrls {
  private SiteUrls() {}

  // snippet:patterns
  public static List<Route> patterns() {
    return List.of(
        path("", SiteUrls::home, "home").methods("GET"),
        include("polls/", "polls", PollsUrls.patterns()),
        include("accounts/", "auth", AuthViews.urls()),
        path("i18n/setlang/", new SetLanguageView(), "set-language").methods("POST"));
  }

  static Response home(Request request) {
    return Response.redirect(request.galvani().reverse("polls:index"));
  }
  // end-snippet
}
