package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import dev.galvani.orm.Verbose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalTime;

/** A library member: the value types the other entities lack, for forms and fixtures tests. */
@Entity
@Table(name = "orm_reader")
public class Reader extends Model {
  @Column(length = 60, nullable = false)
  private String name;

  private String nickname;

  @Lob private String notes;

  private boolean newsletter;

  private long points;

  @Verbose(value = "usually reads at", help = "A time of day, such as 21:30.")
  private LocalTime readsAt;

  @OneToOne private Author favourite;

  protected Reader() {}

  public Reader(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public String getNickname() {
    return nickname;
  }

  public String getNotes() {
    return notes;
  }

  public boolean isNewsletter() {
    return newsletter;
  }

  public long getPoints() {
    return points;
  }

  public LocalTime getReadsAt() {
    return readsAt;
  }

  public Author getFavourite() {
    return favourite;
  }
}
