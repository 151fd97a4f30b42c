package dev.galvani.orm;

import dev.galvani.core.http.ServiceUnavailable;

/**
 * No connection could be had within the pool's connection timeout: the database is down,
 * unreachable or saturated. A view that lets it escape answers 503 with {@code Retry-After}; the
 * pool keeps trying, so the site recovers without a restart when the database returns.
 */
public final class DatabaseUnavailable extends ServiceUnavailable {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailable(String database, Throwable cause) {
    super("The database '" + database + "' is not reachable: " + cause.getMessage(), 5, cause);
  }
}
