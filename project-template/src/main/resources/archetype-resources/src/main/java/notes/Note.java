package ${package}.notes;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import java.time.Instant;

/**
 * A note; its table is {@code notes_note}. Change a field, then run {@code makemigrations} to write
 * the migration and {@code migrate} to apply it.
 */
@Entity
public class Note extends Model {
  @Column(length = 200, nullable = false)
  private String title;

  @Lob
  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private Instant created = Instant.now();

  protected Note() {}

  public Note(String title, String body) {
    this.title = title;
    this.body = body;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public Instant getCreated() {
    return created;
  }

  @Override
  public String toString() {
    return title;
  }
}
