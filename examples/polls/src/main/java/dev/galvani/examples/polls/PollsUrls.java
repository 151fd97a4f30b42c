package dev.galvani.examples.polls;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.auth.Auth;
import dev.galvani.core.urls.Route;
import dev.galvani.orm.QuerySet;
import dev.galvani.orm.views.DetailView;
import dev.galvani.orm.views.ListView;
import java.time.Instant;
import java.util.List;

/** The polls app's URL patterns, mounted under the {@code polls} namespace by {@link SiteUrls}. */
public final class PollsUrls {
  /** How many questions the index lists. */
  static final int LATEST_COUNT = 5;

  private PollsUrls() {}

  // snippet:patterns
  public static List<Route> patterns() {
    return List.of(
        path("", ListView.of(Question.class, "polls/index.html").query(PollsUrls::latest), "index")
            .methods("GET"),
        path(
                "<int:id>/",
                DetailView.of(Question.class, "polls/detail.html").query(PollsUrls::published),
                "detail")
            .methods("GET"),
        path(
                "<int:id>/results/",
                DetailView.of(Question.class, "polls/results.html").query(PollsUrls::published),
                "results")
            .methods("GET"),
        path("<int:id>/vote/", PollViews::vote, "vote").methods("POST"),
        path(
                "manage/",
                Auth.permissionRequired(PollViews::manage, "polls.change_question"),
                "manage")
            .methods("GET"),
        path("api/questions/", PollApi::list, "api-questions").methods("GET"),
        path("api/questions/<int:id>/", PollApi::detail, "api-question").methods("GET"),
        path("api/questions/<int:id>/vote/", PollApi::vote, "api-vote").methods("POST"));
  }

  /** Questions whose publication date has come: the others are 404 until then. */
  static QuerySet<Question> published(QuerySet<Question> questions) {
    return questions.filter("pubDate__lte", Instant.now());
  }

  /** The latest published questions, newest first. */
  static QuerySet<Question> latest(QuerySet<Question> questions) {
    return published(questions).orderBy("-pubDate").limit(LATEST_COUNT);
  }
  // end-snippet
}
