package dev.galvani.orm;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.core.urls.Route;
import dev.galvani.orm.library.Author;
import dev.galvani.orm.test.TestDatabases;
import dev.galvani.orm.views.CreateView;
import dev.galvani.orm.views.DeleteView;
import dev.galvani.orm.views.DetailView;
import dev.galvani.orm.views.ListView;
import dev.galvani.orm.views.UpdateView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenericViewsTest {
  Galvani galvani;
  TestClient client;
  Database db;

  // snippet:generic-views
  static List<Route> routes() {
    return List.of(
        path(
            "authors/",
            ListView.of(Author.class, "library/author_list.html")
                .query(authors -> authors.orderBy("name"))
                .paginateBy(2),
            "author-list"),
        path(
            "authors/<int:id>/",
            DetailView.of(Author.class, "library/author_detail.html"),
            "author-detail"),
        path(
            "authors/<int:id>/delete/",
            DeleteView.of(
                Author.class,
                "library/author_confirm_delete.html",
                request -> request.galvani().reverse("author-list")),
            "author-delete"),
        path(
            "authors/new/",
            CreateView.of(
                    Author.class,
                    "library/author_form.html",
                    author -> "/authors/" + author.getId() + "/")
                .fields("name", "email"),
            "author-create"),
        path(
            "authors/<int:id>/edit/",
            UpdateView.of(
                    Author.class,
                    "library/author_form.html",
                    author -> "/authors/" + author.getId() + "/")
                .fields("name", "email"),
            "author-update"));
  }

  // end-snippet

  @BeforeEach
  void site() {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("orm-test-secret-key-long-enough-0123456789-abcdefghij"))
        .apps(new OrmApp(), new LibraryApp())
        .rootUrls(GenericViewsTest::routes)
        .set(OrmSettings.KEY, OrmSettings.of(TestDatabases.url(Vendor.H2)));
    galvani = new Galvani(settings);
    db = Orm.database(galvani);
    db.sessionFactory().getSchemaManager().create(true);
    for (String name : List.of("Cy", "Ann", "Bob")) {
      db.save(new Author(name, null, LocalDate.of(1900, 1, 1)));
    }
    client = new TestClient(galvani);
  }

  @AfterEach
  void close() {
    galvani.close();
  }

  @Test
  void listView_showsOnePageAtATime_andLinksTheNext() {
    TestResponse first = client.get("/authors/");
    assertEquals(200, first.status());
    assertTrue(first.text().contains("<li>Ann</li><li>Bob</li>"), first.text());
    assertTrue(first.text().contains("?page=2"), first.text());
    TestResponse second = client.get("/authors/?page=2");
    assertTrue(second.text().contains("<li>Cy</li>"), second.text());
    assertFalse(second.text().contains("next"), second.text());
    assertEquals(404, client.get("/authors/?page=3").status());
    assertEquals(404, client.get("/authors/?page=abc").status());
  }

  @Test
  void detailView_rendersTheObject_or404() {
    long id = db.objects(Author.class).get("name", "Ann").getId();
    TestResponse found = client.get("/authors/" + id + "/");
    assertEquals(200, found.status());
    assertTrue(found.text().contains("<h1>Ann</h1><p>0 books</p>"), found.text());
    assertEquals(404, client.get("/authors/99999/").status());
  }

  @Test
  void deleteView_confirmsOnGet_deletesOnPost() {
    long id = db.objects(Author.class).get("name", "Bob").getId();
    assertTrue(client.get("/authors/" + id + "/delete/").text().contains("Delete Bob?"));
    assertEquals(2 + 1, db.objects(Author.class).count());
    TestResponse deleted = client.post("/authors/" + id + "/delete/", Map.of());
    assertEquals(302, deleted.status());
    assertEquals("/authors/", deleted.header("Location").orElseThrow());
    assertEquals(2, db.objects(Author.class).count());
  }

  @Test
  void createView_showsTheForm_savesValidInput_andShowsErrorsOtherwise() {
    TestResponse empty = client.get("/authors/new/");
    assertEquals(200, empty.status());
    assertTrue(empty.text().contains("name=\"name\""), empty.text());
    assertTrue(empty.text().contains("maxlength=\"100\""), empty.text());
    TestResponse invalid = client.post("/authors/new/", Map.of("name", "", "email", "x"));
    assertEquals(200, invalid.status());
    assertTrue(invalid.text().contains("errorlist"), invalid.text());
    assertEquals(3, db.objects(Author.class).count());
    TestResponse created =
        client.post("/authors/new/", Map.of("name", "Dee", "email", "dee@example.com"));
    assertEquals(302, created.status());
    Author dee = db.objects(Author.class).get("name", "Dee");
    assertEquals("/authors/" + dee.getId() + "/", created.header("Location").orElseThrow());
    TestResponse duplicate =
        client.post("/authors/new/", Map.of("name", "Eve", "email", "dee@example.com"));
    assertEquals(200, duplicate.status());
    assertTrue(duplicate.text().contains("already exists"), duplicate.text());
  }

  @Test
  void updateView_editsTheRowNamedByTheUrl() {
    long id = db.objects(Author.class).get("name", "Ann").getId();
    assertTrue(client.get("/authors/" + id + "/edit/").text().contains("value=\"Ann\""));
    TestResponse saved =
        client.post("/authors/" + id + "/edit/", Map.of("name", "Anne", "email", ""));
    assertEquals(302, saved.status());
    assertEquals("Anne", db.objects(Author.class).get("id", id).getName());
    assertEquals(404, client.get("/authors/99999/edit/").status());
  }
}
