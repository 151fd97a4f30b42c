package dev.galvani.orm.migrations.scenario.v2;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The author again, with a NOT NULL column that has no default: makemigrations refuses it. */
@Entity(name = "ScenarioStrictAuthor")
@Table(name = "mig_sc_author")
public class Strict extends Model {
  @Column(length = 100, nullable = false)
  private String name;

  @Column(length = 50, nullable = false)
  private String country;
}
