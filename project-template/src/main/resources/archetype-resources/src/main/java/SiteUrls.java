package ${package};

import static dev.galvani.core.urls.Urls.include;

import dev.galvani.auth.AuthViews;
import dev.galvani.core.urls.Route;
import ${package}.notes.NotesUrls;
import java.util.List;

/** The root URL patterns: the notes app at the top, the login pages under {@code accounts/}. */
public final class SiteUrls {
  private SiteUrls() {}

  public static List<Route> patterns() {
    return List.of(
        include("accounts/", "auth", AuthViews.urls()),
        include("", "notes", NotesUrls.patterns()));
  }
}
