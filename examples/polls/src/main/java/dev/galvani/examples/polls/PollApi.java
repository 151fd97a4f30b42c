package dev.galvani.examples.polls;

import dev.galvani.core.http.BadRequest;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import java.util.List;
import java.util.Map;

/**
 * The JSON API: {@code GET api/questions/} lists the published questions with their choices and
 * votes, {@code GET api/questions/<id>/} gives one, and {@code POST api/questions/<id>/vote/} with
 * {@code {"choice": 3}} votes and answers with the updated question.
 */
public final class PollApi {
  private PollApi() {}

  // snippet:vote-request
  /** The body of a vote request. */
  public record VoteRequest(int choice) {}

  // end-snippet

  /** {@code {"questions": [{"id": 1, "text": "...", "pubDate": "...", "choices": [...]}]}} */
  public static Response list(Request request) {
    List<Question> questions = PollsApp.questions(request).published();
    return Response.json(Map.of("questions", questions));
  }

  public static Response detail(Request request) {
    return Response.json(PollViews.publishedQuestion(request));
  }

  // snippet:api-vote
  public static Response vote(Request request) {
    Question question = PollViews.publishedQuestion(request);
    int choice = request.json(VoteRequest.class).choice();
    if (!PollsApp.questions(request).vote(question.id(), choice)) {
      throw new BadRequest(
          "Question " + question.id() + " has no choice " + choice + "; see its \"choices\"");
    }
    return Response.json(PollViews.publishedQuestion(request));
  }
  // end-snippet
}
