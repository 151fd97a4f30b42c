package dev.galvani.orm.library;

public enum Genre {
  NOVEL,
  POETRY,
  ESSAY
}
