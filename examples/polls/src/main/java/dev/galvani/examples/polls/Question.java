package dev.galvani.examples.polls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poll question with its choices, as read from the {@link QuestionStore} at one moment. Templates
 * call its accessors ({@code question.text()}); the JSON API serializes its components.
 */
public record Question(int id, String text, Instant pubDate, List<Choice> choices) {
  public Question {
    choices = List.copyOf(choices);
  }

  /** The choice with this id, if it belongs to this question. */
  public Optional<Choice> choice(int choiceId) {
    return choices.stream().filter(choice -> choice.id() == choiceId).findFirst();
  }

  /** The votes cast for all choices together. */
  public int totalVotes() {
    return choices.stream().mapToInt(Choice::votes).sum();
  }
}
