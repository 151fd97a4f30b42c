package dev.galvani.auth;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A test entity with one custom permission. */
@Entity
@Permissions({"publish_note:Can publish a note"})
public class Note extends Model {
  @Column(length = 100, nullable = false)
  private String text = "";

  protected Note() {}
}
