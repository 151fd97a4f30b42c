package dev.galvani.examples.polls;

import static dev.galvani.core.i18n.Translator.gettextNoop;
import static dev.galvani.i18n.I18n.gettext;

import dev.galvani.core.forms.BoundForm;
import dev.galvani.core.forms.Choice;
import dev.galvani.core.forms.Field;
import dev.galvani.core.forms.Fields;
import dev.galvani.core.forms.Form;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.messages.Messages;
import dev.galvani.orm.Database;
import dev.galvani.orm.F;
import dev.galvani.orm.Orm;
import java.util.List;
import java.util.Map;

/** The vote view; the pages themselves are generic views (see {@link PollsUrls}). */
public final class PollViews {
  static final String NO_CHOICE = gettextNoop("You didn't select a choice.");

  private PollViews() {}

  // snippet:vote
  /**
   * Counts the chosen choice and redirects to the results, so reloading the results page cannot
   * vote twice. Without a valid choice the form is shown again with an error, as Django does.
   */
  public static Response vote(Request request) {
    Question question = publishedQuestion(request);
    Field<String> choice = choiceField(question);
    BoundForm form = Form.of(choice).bind(request);
    if (!form.isValid() || !vote(request, question, Integer.parseInt(form.value(choice)))) {
      return Response.render(
          request,
          "polls/detail.html",
          Map.of("question", question, "errorMessage", gettext(NO_CHOICE)));
    }
    Messages.success(
        request,
        gettext(
            "Thanks for voting on \u201c{question}\u201d.",
            Map.of("question", question.getText())));
    return Response.redirect(request.galvani().reverse("polls:results", question.getId()));
  }

  /** Adds one vote in the database ({@code votes = votes + 1}), so no concurrent vote is lost. */
  static boolean vote(Request request, Question question, long choiceId) {
    Database db = Orm.database(request.galvani());
    return db.objects(dev.galvani.examples.polls.Choice.class)
            .filter("id", choiceId)
            .filter("question", question)
            .update("votes", F.of("votes").plus(1))
        == 1;
  }

  /** The vote form's one field: a required choice among the question's own choices. */
  static Field<String> choiceField(Question question) {
    List<Choice> choices =
        question.getChoices().stream()
            .map(choice -> Choice.of(String.valueOf(choice.getId()), choice.getText()))
            .toList();
    return Fields.choice("choice", choices);
  }

  // end-snippet

  // snippet:published-question
  /** The published question the URL names, or 404. */
  static Question publishedQuestion(Request request) {
    return PollsUrls.published(Orm.database(request.galvani()).objects(Question.class))
        .getOr404("id", request.pathInt("id"));
  }

  // end-snippet

  // snippet:manage
  /**
   * For editors (the {@code polls.change_question} permission): every question, unpublished ones
   * too, with its total of votes.
   */
  public static Response manage(Request request) {
    Database db = Orm.database(request.galvani());
    List<Question> questions =
        db.objects(Question.class).prefetchRelated("choices").orderBy("-pubDate").list();
    return Response.render(request, "polls/manage.html", Map.of("questions", questions));
  }
  // end-snippet

}
