package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** A model of plain columns with a {@code @PostLoad} callback, which every read must run. */
@Entity
@Table(name = "orm_shelf")
public class Shelf extends Model {
  private String room;
  @Transient private boolean loaded;

  protected Shelf() {}

  public Shelf(String room) {
    this.room = room;
  }

  @PostLoad
  void markLoaded() {
    loaded = true;
  }

  public String getRoom() {
    return room;
  }

  /** Whether the {@code @PostLoad} callback ran on this instance. */
  public boolean isLoaded() {
    return loaded;
  }
}
