package ${package}.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.orm.migrations.Migrator;
import ${package}.SiteSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notes pages through the TestClient, on a fresh in-memory database per test. */
class NotesTest {
  private final Galvani site =
      new Galvani(
          new SiteSettings(
              new Env(Map.of("DATABASE_URL", "h2:mem:notes-" + UUID.randomUUID()), Map.of())));
  private final TestClient client = new TestClient(site);

  NotesTest() {
    Migrator.of(site, new PrintStream(OutputStream.nullOutputStream())).migrate();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void theHomePage_withoutNotes_saysSo() {
    TestResponse page = client.get("/");
    assertEquals(200, page.status());
    assertTrue(page.text().contains("No notes yet."), page.text());
  }

  @Test
  void aSavedNote_isShownOnItsPageAndListed() {
    client.followRedirects(true);
    TestResponse page = client.post("/new/", Map.of("title", "Groceries", "body", "Milk <b>"));
    assertEquals(200, page.status());
    assertTrue(page.text().contains("<h1>Groceries</h1>"), page.text());
    assertTrue(page.text().contains("Milk &lt;b&gt;"), "escaped: " + page.text());
    assertTrue(page.text().contains("Saved \u201cGroceries\u201d."), page.text());
    assertTrue(client.get("/").text().contains(">Groceries</a>"));
  }

  @Test
  void aNoteWithoutTitle_showsTheFormAgainWithTheError() {
    TestResponse page = client.post("/new/", Map.of("title", "", "body", "text"));
    assertEquals(200, page.status());
    assertTrue(page.text().contains("This field is required."), page.text());
    assertTrue(client.get("/").text().contains("No notes yet."));
  }

  @Test
  void anUnknownNote_is404() {
    assertEquals(404, client.get("/99/").status());
  }
}
