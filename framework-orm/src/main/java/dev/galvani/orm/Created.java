package dev.galvani.orm;

/** What {@link QuerySet#getOrCreate} and {@link QuerySet#updateOrCreate} return. */
public record Created<T>(T object, boolean created) {}
