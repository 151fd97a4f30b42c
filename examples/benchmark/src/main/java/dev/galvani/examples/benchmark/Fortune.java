package dev.galvani.examples.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the TechEmpower {@code fortune} table; ids are assigned, never generated. */
@Entity
@Table(name = "fortune")
public class Fortune {
  @Id private int id;

  @Column(length = 2048, nullable = false)
  private String message;

  protected Fortune() {}

  /** A fortune; the view also makes one that is never saved (the one added at request time). */
  public Fortune(int id, String message) {
    this.id = id;
    this.message = message;
  }

  public int getId() {
    return id;
  }

  public String getMessage() {
    return message;
  }
}
