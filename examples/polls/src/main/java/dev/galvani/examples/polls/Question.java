package dev.galvani.examples.polls;

import dev.galvani.orm.Model;
import dev.galvani.orm.Verbose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

// snippet:question
/** A poll question; its table is {@code polls_question}. */
@Entity
public class Question extends Model {
  @Column(length = 200, nullable = false)
  @Verbose("question text")
  private String text;

  @Column(nullable = false)
  @Verbose("date published")
  private Instant pubDate;

  @OneToMany(mappedBy = "question")
  @OrderBy("id")
  private List<Choice> choices = new ArrayList<>();

  protected Question() {}

  public Question(String text, Instant pubDate) {
    this.text = text;
    this.pubDate = pubDate;
  }

  /** Published within the last day, and not in the future (the tutorial's part 5 fix). */
  public boolean wasPublishedRecently(Clock clock) {
    Instant now = clock.instant();
    return !pubDate.isAfter(now) && pubDate.isAfter(now.minus(Duration.ofDays(1)));
  }

  // end-snippet

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Instant getPubDate() {
    return pubDate;
  }

  public List<Choice> getChoices() {
    return choices;
  }

  /** The votes cast for all choices together. */
  public int getTotalVotes() {
    return choices.stream().mapToInt(Choice::getVotes).sum();
  }
}
