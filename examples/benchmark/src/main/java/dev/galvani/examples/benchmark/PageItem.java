package dev.galvani.examples.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code page_item}, the table behind the paginated list view whose p99 latency is
 * measured at 1,000 and 1,000,000 rows ({@code pagination.sh}).
 */
@Entity
@Table(name = "page_item")
public class PageItem {
  @Id private int id;

  @Column(length = 100, nullable = false)
  private String name;

  protected PageItem() {}

  public int getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
