package dev.galvani.orm;

/** A lazy, chainable query over one entity. */
public final class QuerySet<T> {
  private final Database database;
  private final Class<T> model;

  QuerySet(Database database, Class<T> model) {
    this.database = database;
    this.model = model;
  }
}
