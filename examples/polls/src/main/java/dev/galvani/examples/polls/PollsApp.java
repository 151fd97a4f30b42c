package dev.galvani.examples.polls;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;

// snippet:app
/**
 * The polls app: its templates live in {@code templates/polls/}, its static files in {@code
 * static/polls/}. It publishes its question store to the runtime, where the views find it.
 */
public final class PollsApp implements App {
  /** Where the views find the store: {@code request.galvani().service(PollsApp.QUESTIONS)}. */
  public static final Key<QuestionStore> QUESTIONS = Key.of("polls.questions", QuestionStore.class);

  private final QuestionStore store;

  public PollsApp(QuestionStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "polls";
  }

  @Override
  public void ready(Galvani galvani) {
    galvani.publish(QUESTIONS, store);
  }

  /** The store of the site serving this request. */
  static QuestionStore questions(Request request) {
    return request
        .galvani()
        .service(QUESTIONS)
        .orElseThrow(() -> new IllegalStateException("PollsApp is not listed in Settings.apps"));
  }
}
// end-snippet
