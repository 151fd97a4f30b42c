package dev.galvani.orm.migrations.scenario.v2;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A new model whose rows go when their book goes. */
@Entity(name = "ScenarioReviewV2")
@Table(name = "mig_sc_review")
public class Review extends Model {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @OnDelete(action = OnDeleteAction.CASCADE)
  private Book book;

  @Column(nullable = false)
  private int stars;

  @Column(length = 500)
  private String text;
}
