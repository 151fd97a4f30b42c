package dev.galvani.orm.migrations.scenario.v1;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** ...and a book with a title and an ISBN. */
@Entity(name = "ScenarioBookV1")
@Table(name = "mig_sc_book")
public class Book extends Model {
  @Column(length = 200, nullable = false)
  private String title;

  @Column(length = 20)
  private String isbn;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Author author;
}
