package dev.galvani.examples.polls;

import dev.galvani.core.forms.BoundForm;
import dev.galvani.core.forms.Choice;
import dev.galvani.core.forms.Field;
import dev.galvani.core.forms.Fields;
import dev.galvani.core.forms.Form;
import dev.galvani.core.http.NotFound;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.messages.Messages;
import java.util.List;
import java.util.Map;

/** The polls pages, as in the Django tutorial: index, detail with a vote form, results. */
public final class PollViews {
  /** How many questions the index lists. */
  static final int LATEST_COUNT = 5;

  static final String NO_CHOICE = "You didn't select a choice.";

  private PollViews() {}

  // snippet:index
  /** The latest published questions, newest first. */
  public static Response index(Request request) {
    return Response.render(
        request,
        "polls/index.html",
        Map.of("latestQuestions", PollsApp.questions(request).latest(LATEST_COUNT)));
  }

  // end-snippet

  // snippet:detail
  /** One question and a form to vote on it; 404 when it does not exist or is not published. */
  public static Response detail(Request request) {
    return Response.render(
        request, "polls/detail.html", Map.of("question", publishedQuestion(request)));
  }

  // end-snippet

  /** The vote counts of one question. */
  public static Response results(Request request) {
    return Response.render(
        request, "polls/results.html", Map.of("question", publishedQuestion(request)));
  }

  // snippet:vote
  /**
   * Counts the chosen choice and redirects to the results, so reloading the results page cannot
   * vote twice. Without a valid choice the form is shown again with an error, as Django does.
   */
  public static Response vote(Request request) {
    Question question = publishedQuestion(request);
    Field<String> choice = choiceField(question);
    BoundForm form = Form.of(choice).bind(request);
    if (!form.isValid()
        || !PollsApp.questions(request).vote(question.id(), Integer.parseInt(form.value(choice)))) {
      return Response.render(
          request, "polls/detail.html", Map.of("question", question, "errorMessage", NO_CHOICE));
    }
    Messages.success(request, "Thanks for voting on \u201c" + question.text() + "\u201d.");
    return Response.redirect(request.galvani().reverse("polls:results", question.id()));
  }

  /** The vote form's one field: a required choice among the question's own choices. */
  static Field<String> choiceField(Question question) {
    List<Choice> choices =
        question.choices().stream()
            .map(choice -> Choice.of(String.valueOf(choice.id()), choice.text()))
            .toList();
    return Fields.choice("choice", choices);
  }

  // end-snippet

  // snippet:published-question
  static Question publishedQuestion(Request request) {
    int id = request.pathInt("id");
    return PollsApp.questions(request)
        .published(id)
        .orElseThrow(() -> new NotFound("There is no question with id " + id + "."));
  }

  // end-snippet
}
