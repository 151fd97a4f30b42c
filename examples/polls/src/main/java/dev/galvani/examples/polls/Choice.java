package dev.galvani.examples.polls;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

// snippet:choice
/** One answer to a {@link Question}; deleting the question deletes its choices. */
@Entity
public class Choice extends Model {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @OnDelete(action = OnDeleteAction.CASCADE)
  private Question question;

  @Column(length = 200, nullable = false)
  private String text;

  @Column(nullable = false)
  @ColumnDefault("0")
  private int votes;

  // end-snippet

  protected Choice() {}

  public Choice(Question question, String text) {
    this.question = question;
    this.text = text;
  }

  public Question getQuestion() {
    return question;
  }

  public String getText() {
    return text;
  }

  public int getVotes() {
    return votes;
  }

  @Override
  public String toString() {
    return text;
  }
}
