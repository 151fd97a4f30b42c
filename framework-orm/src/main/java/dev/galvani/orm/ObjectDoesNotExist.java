package dev.galvani.orm;

/**
 * {@code QuerySet.get} found no row. Like Django's {@code DoesNotExist} it is a server error if a
 * view lets it escape: a view that looks up what the URL names uses {@link QuerySet#getOr404}.
 */
public final class ObjectDoesNotExist extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ObjectDoesNotExist(String message) {
    super(message);
  }
}
