package dev.galvani.orm.migrations.scenario.v1;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The scenario's first models: an author... */
@Entity(name = "ScenarioAuthorV1")
@Table(name = "mig_sc_author")
public class Author extends Model {
  @Column(length = 100, nullable = false)
  private String name;
}
