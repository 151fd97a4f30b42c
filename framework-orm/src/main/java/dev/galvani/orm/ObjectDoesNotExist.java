package dev.galvani.orm;

import dev.galvani.core.http.NotFound;

/**
 * {@code QuerySet.get} found no row. It is a 404 when a view lets it escape, like Django's {@code
 * get_object_or_404}.
 */
public final class ObjectDoesNotExist extends NotFound {
  private static final long serialVersionUID = 1L;

  public ObjectDoesNotExist(String message) {
    super(message);
  }
}
