package ${package}.notes;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.urls.Route;
import dev.galvani.orm.views.DetailView;
import dev.galvani.orm.views.ListView;
import java.util.List;

/** The notes app's URL patterns, in the {@code notes} namespace. */
public final class NotesUrls {
  private NotesUrls() {}

  public static List<Route> patterns() {
    return List.of(
        path(
                "",
                ListView.of(Note.class, "notes/index.html").query(notes -> notes.orderBy("-created")),
                "index")
            .methods("GET"),
        path("new/", NoteViews::create, "create").methods("GET", "POST"),
        path("<int:id>/", DetailView.of(Note.class, "notes/detail.html"), "detail").methods("GET"));
  }
}
