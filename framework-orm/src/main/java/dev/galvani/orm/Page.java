package dev.galvani.orm;

import java.util.List;

/**
 * One page of a {@link QuerySet}. It knows whether a next page exists by reading one row more than
 * it shows, so it never counts the table: a page costs the same on a thousand rows as on a million.
 */
public record Page<T>(List<T> items, int number, int size, boolean hasNext) {
  public boolean hasPrevious() {
    return number > 1;
  }

  public int nextNumber() {
    return number + 1;
  }

  public int previousNumber() {
    return Math.max(1, number - 1);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }
}
