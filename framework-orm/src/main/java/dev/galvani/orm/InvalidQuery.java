package dev.galvani.orm;

import dev.galvani.core.http.BadRequest;

/**
 * A field, lookup or value named in a query does not fit the model: the message names the bad part
 * and what would be valid. Raised before any SQL is built; a view that lets it escape answers 400.
 */
public final class InvalidQuery extends BadRequest {
  private static final long serialVersionUID = 1L;

  public InvalidQuery(String message) {
    super(message);
  }
}
