package dev.galvani.orm;

/** {@code QuerySet.get} expected one row and found several. */
public final class MultipleObjectsReturned extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MultipleObjectsReturned(String message) {
    super(message);
  }
}
