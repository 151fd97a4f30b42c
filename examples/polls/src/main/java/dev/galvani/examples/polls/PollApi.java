package dev.galvani.examples.polls;

import dev.galvani.core.http.BadRequest;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.orm.Orm;
import java.time.Instant;
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
  public record VoteRequest(long choice) {}

  // end-snippet

  /** What the API shows of a question: entities stay inside, records go out. */
  public record QuestionJson(long id, String text, Instant pubDate, List<ChoiceJson> choices) {
    static QuestionJson of(Question question) {
      return new QuestionJson(
          question.getId(),
          question.getText(),
          question.getPubDate(),
          question.getChoices().stream().map(ChoiceJson::of).toList());
    }
  }

  /** What the API shows of a choice. */
  public record ChoiceJson(long id, String text, int votes) {
    static ChoiceJson of(Choice choice) {
      return new ChoiceJson(choice.getId(), choice.getText(), choice.getVotes());
    }
  }

  // snippet:api-list
  /** {@code {"questions": [{"id": 1, "text": "...", "pubDate": "...", "choices": [...]}]}} */
  public static Response list(Request request) {
    List<QuestionJson> questions =
        PollsUrls.published(Orm.database(request.galvani()).objects(Question.class))
            .orderBy("-pubDate")
            .prefetchRelated("choices")
            .stream()
            .map(QuestionJson::of)
            .toList();
    return Response.json(Map.of("questions", questions));
    // end-snippet
  }

  public static Response detail(Request request) {
    return Response.json(QuestionJson.of(PollViews.publishedQuestion(request)));
  }

  // snippet:api-vote
  public static Response vote(Request request) {
    Question question = PollViews.publishedQuestion(request);
    long choice = request.json(VoteRequest.class).choice();
    if (!PollViews.vote(request, question, choice)) {
      throw new BadRequest(
          "Question " + question.getId() + " has no choice " + choice + "; see its \"choices\"");
    }
    return Response.json(QuestionJson.of(PollViews.publishedQuestion(request)));
  }
  // end-snippet
}
