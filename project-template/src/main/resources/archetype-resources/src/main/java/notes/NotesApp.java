package ${package}.notes;

import dev.galvani.orm.ModelApp;
import java.util.List;

/**
 * The notes app: its model, its migrations in {@code ${package}.notes.migrations}, its templates in
 * {@code templates/notes/} and its static files in {@code static/notes/}.
 */
public final class NotesApp implements ModelApp {
  @Override
  public String name() {
    return "notes";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(Note.class);
  }
}
