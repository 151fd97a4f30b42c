package dev.galvani.examples.polls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store of questions and their choices, standing in for the ORM until framework-orm
 * exists; everything is lost when the process stops. Thread-safe: questions sit in a concurrent map
 * and each choice counts its votes with an atomic counter, so concurrent votes are never lost.
 *
 * <p>Like the Django tutorial, a question whose publication date lies in the future is not shown
 * yet: {@link #latest} and {@link #published(int)} leave it out.
 *
 * <pre>{@code
 * QuestionStore store = new QuestionStore();
 * Question question = store.add("What's new?", "Not much", "The sky");
 * store.vote(question.id(), question.choices().get(0).id());
 * }</pre>
 */
public final class QuestionStore {
  private static final Comparator<StoredQuestion> NEWEST_FIRST =
      Comparator.comparing(StoredQuestion::pubDate).thenComparing(StoredQuestion::id).reversed();

  private final Clock clock;
  private final AtomicInteger nextQuestionId = new AtomicInteger(1);
  private final AtomicInteger nextChoiceId = new AtomicInteger(1);
  private final ConcurrentMap<Integer, StoredQuestion> questions = new ConcurrentHashMap<>();

  /** An empty store on the system clock. */
  public QuestionStore() {
    this(Clock.systemUTC());
  }

  /** An empty store that decides what is published by this clock. */
  public QuestionStore(Clock clock) {
    this.clock = clock;
  }

  /** A new store holding the sample questions the site starts with. */
  public static QuestionStore withSampleQuestions() {
    QuestionStore store = new QuestionStore();
    Instant now = store.clock.instant();
    store.add(
        "What's new?",
        now.minus(Duration.ofDays(3)),
        List.of("Not much", "The sky", "Just hacking again"));
    store.add(
        "Which Java release do you deploy on?",
        now.minus(Duration.ofDays(2)),
        List.of("Java 17", "Java 21", "Java 25"));
    store.add("Tabs or spaces?", now.minus(Duration.ofDays(1)), List.of("Tabs", "Spaces"));
    return store;
  }

  /** Adds a question published now. */
  public Question add(String text, String... choices) {
    return add(text, clock.instant(), List.of(choices));
  }

  /** Adds a question published at {@code pubDate} (in the future: hidden until then). */
  public Question add(String text, Instant pubDate, List<String> choices) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("A question needs text");
    }
    List<StoredChoice> stored = new ArrayList<>();
    for (String choice : choices) {
      stored.add(new StoredChoice(nextChoiceId.getAndIncrement(), choice, new AtomicInteger()));
    }
    StoredQuestion question =
        new StoredQuestion(nextQuestionId.getAndIncrement(), text, pubDate, List.copyOf(stored));
    questions.put(question.id(), question);
    return question.snapshot();
  }

  /** The published questions, newest first. */
  public List<Question> published() {
    return latest(Integer.MAX_VALUE);
  }

  /** At most {@code limit} published questions, newest first. */
  public List<Question> latest(int limit) {
    Instant now = clock.instant();
    return questions.values().stream()
        .filter(question -> !question.pubDate().isAfter(now))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .map(StoredQuestion::snapshot)
        .toList();
  }

  /** The question with this id, unless there is none or it is not published yet. */
  public Optional<Question> published(int id) {
    Instant now = clock.instant();
    return Optional.ofNullable(questions.get(id))
        .filter(question -> !question.pubDate().isAfter(now))
        .map(StoredQuestion::snapshot);
  }

  /**
   * Counts one vote for a choice of a question.
   *
   * @return false, counting nothing, when the question has no choice with that id
   */
  public boolean vote(int questionId, int choiceId) {
    StoredQuestion question = questions.get(questionId);
    if (question == null) {
      return false;
    }
    for (StoredChoice choice : question.choices()) {
      if (choice.id() == choiceId) {
        choice.votes().incrementAndGet();
        return true;
      }
    }
    return false;
  }

  private record StoredQuestion(int id, String text, Instant pubDate, List<StoredChoice> choices) {
    Question snapshot() {
      return new Question(id, text, pubDate, choices.stream().map(StoredChoice::snapshot).toList());
    }
  }

  private record StoredChoice(int id, String text, AtomicInteger votes) {
    Choice snapshot() {
      return new Choice(id, text, votes.get());
    }
  }
}
