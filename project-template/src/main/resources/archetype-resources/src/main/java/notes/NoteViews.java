package ${package}.notes;

import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.messages.Messages;
import dev.galvani.orm.Orm;
import dev.galvani.orm.forms.BoundModelForm;
import dev.galvani.orm.forms.ModelForm;
import java.util.Map;
import java.util.Optional;

/** The notes app's own view; the list and detail pages are generic views (see NotesUrls). */
public final class NoteViews {
  private NoteViews() {}

  /**
   * GET shows an empty form; POST saves a valid note and redirects to it, or shows the form again
   * with the errors next to their fields.
   */
  public static Response create(Request request) {
    ModelForm<Note> noteForm =
        ModelForm.of(Orm.database(request.galvani()), Note.class).fields("title", "body");
    if (!request.method().equals("POST")) {
      return Response.render(request, "notes/form.html", Map.of("form", noteForm.unbound().form()));
    }
    BoundModelForm<Note> form = noteForm.bind(request);
    Optional<Note> saved = form.save();
    if (saved.isEmpty()) {
      return Response.render(request, "notes/form.html", Map.of("form", form.form()));
    }
    Messages.success(request, "Saved \u201c" + saved.get().getTitle() + "\u201d.");
    return Response.redirect(request.galvani().reverse("notes:detail", saved.get().getId()));
  }
}
