package dev.galvani.examples.polls;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.urls.Route;
import java.util.List;

/** The polls app's URL patterns, mounted under the {@code polls} namespace by {@link SiteUrls}. */
public final class PollsUrls {
  private PollsUrls() {}

  // snippet:patterns
  public static List<Route> patterns() {
    return List.of(
        path("", PollViews::index, "index").methods("GET"),
        path("<int:id>/", PollViews::detail, "detail").methods("GET"),
        path("<int:id>/results/", PollViews::results, "results").methods("GET"),
        path("<int:id>/vote/", PollViews::vote, "vote").methods("POST"),
        path("api/questions/", PollApi::list, "api-questions").methods("GET"),
        path("api/questions/<int:id>/", PollApi::detail, "api-question").methods("GET"),
        path("api/questions/<int:id>/vote/", PollApi::vote, "api-vote").methods("POST"));
  }
  // end-snippet
}
