package dev.galvani.examples.polls;

import dev.galvani.orm.ModelApp;
import java.util.List;

// snippet:app
/**
 * The polls app: its models, its migrations in {@code dev.galvani.examples.polls.migrations}, its
 * templates in {@code templates/polls/} and static files in {@code static/polls/}.
 */
public final class PollsApp implements ModelApp {
  @Override
  public String name() {
    return "polls";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(Question.class, Choice.class);
  }
}
// end-snippet
