package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "orm_tag")
public class Tag extends Model {
  @Column(length = 50, nullable = false, unique = true)
  private String label;

  protected Tag() {}

  public Tag(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
