package dev.galvani.examples.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the TechEmpower {@code world} table. The column is {@code randomnumber}, as in the TFB
 * schema for PostgreSQL (an unquoted {@code randomNumber} folds to lower case there); the JSON
 * property is {@code randomNumber}. Ids are assigned, never generated.
 */
@Entity
@Table(name = "world")
public class World {
  @Id private int id;

  @Column(name = "randomnumber", nullable = false)
  private int randomNumber;

  protected World() {}

  public World(int id, int randomNumber) {
    this.id = id;
    this.randomNumber = randomNumber;
  }

  public int getId() {
    return id;
  }

  public int getRandomNumber() {
    return randomNumber;
  }

  public void setRandomNumber(int randomNumber) {
    this.randomNumber = randomNumber;
  }
}
