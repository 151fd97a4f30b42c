package dev.galvani.auth;

import dev.galvani.orm.ModelApp;
import java.util.List;

/** A test app with one entity, to see its permissions created by migrate. */
final class NotesApp implements ModelApp {
  @Override
  public String name() {
    return "notes";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(Note.class, Profile.class);
  }

  @Override
  public String migrationsPackage() {
    return "dev.galvani.auth.notes";
  }
}
