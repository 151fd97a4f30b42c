package dev.galvani.orm;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;
import org.hibernate.Hibernate;

/**
 * An optional base for entities: a generated {@code Long id}, equality by id (two unsaved instances
 * are never equal) and a readable {@code toString}, as Django's {@code Model} gives.
 *
 * <pre>{@code
 * @Entity
 * public class Question extends Model {
 *   @Column(length = 200, nullable = false)
 *   private String text;
 * }
 * }</pre>
 */
@MappedSuperclass
public abstract class Model {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The primary key; null until the entity is saved. */
  public Long getId() {
    return id;
  }

  /** For fixtures and tests; the database assigns ids to new rows. */
  public void setId(Long id) {
    this.id = id;
  }

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
      return false;
    }
    return id != null && Objects.equals(id, ((Model) other).getId());
  }

  @Override
  public final int hashCode() {
    // constant per class, so an entity keeps its hash bucket when it is saved and gets an id
    return Hibernate.getClass(this).hashCode();
  }

  @Override
  public String toString() {
    return Hibernate.getClass(this).getSimpleName() + "(" + (id == null ? "unsaved" : id) + ")";
  }
}
