package dev.galvani.orm.migrations.scenario.v2;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;

/** The book renames title to name, drops the ISBN, gains pages and a unique (author, name). */
@Entity(name = "ScenarioBookV2")
@Table(
    name = "mig_sc_book",
    uniqueConstraints = @UniqueConstraint(columnNames = {"author_id", "name"}))
public class Book extends Model {
  @Column(length = 200, nullable = false)
  private String name;

  @Column(nullable = false)
  @ColumnDefault("0")
  private int pages;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Author author;
}
