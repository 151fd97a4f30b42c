package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.HashSet;
import java.util.Set;

/** An entity with implicit table names, to see Django's {@code app_model} naming. */
@Entity
public class Review extends Model {
  @ManyToOne private Book book;
  private int starRating;
  @ManyToMany private Set<Tag> relatedTags = new HashSet<>();

  protected Review() {}
}
