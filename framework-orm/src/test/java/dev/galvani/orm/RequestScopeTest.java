package dev.galvani.orm;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.TcpForwarder;
import dev.galvani.core.http.Response;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ORM inside requests: sessions per request, atomic requests, 404/400/503 answers. */
class RequestScopeTest {

  static Galvani site(String url, boolean atomicRequests) {
    return site(url, atomicRequests, Map.of());
  }

  static Galvani site(String url, boolean atomicRequests, Map<String, String> environment) {
    Settings settings = new Settings(new Env(environment, Map.of()));
    settings.debug(settings.env().bool("DEBUG", false));
    settings
        .secretKey(Secret.of("orm-test-secret-key-long-enough-0123456789-abcdefghij"))
        .apps(new OrmApp(), new LibraryApp())
        .rootUrls(RequestScopeTest::routes)
        .set(
            OrmSettings.KEY,
            OrmSettings.of(url)
                .atomicRequests(atomicRequests)
                .configure(
                    OrmSettings.DEFAULT,
                    config ->
                        config
                            .withConnectionTimeout(Duration.ofSeconds(1))
                            .withPoolSize(2)
                            .withBatchFetchSize(
                                Integer.parseInt(environment.getOrDefault("BATCH", "32")))));
    Galvani galvani = new Galvani(settings);
    Orm.database(galvani).sessionFactory().getSchemaManager().drop(true);
    Orm.database(galvani).sessionFactory().getSchemaManager().create(true);
    return galvani;
  }

  static List<dev.galvani.core.urls.Route> routes() {
    return List.of(
        path(
            "authors/",
            request -> {
              Database db = Orm.database(request.galvani());
              // lazy collections load because the request has a session
              return Response.text(
                  db.objects(Author.class).orderBy("name").list().stream()
                      .map(author -> author.getName() + ":" + author.getBooks().size())
                      .collect(Collectors.joining(",")));
            }),
        path(
            "authors/<int:id>/",
            request ->
                Response.text(
                    Orm.database(request.galvani())
                        .objects(Author.class)
                        .getOr404("id", request.pathInt("id"))
                        .getName())),
        path(
            "authors/new/",
            request -> {
              Database db = Orm.database(request.galvani());
              String name = request.form().get("name", "");
              Author author = db.save(new Author(name, null, LocalDate.of(1900, 1, 1)));
              db.save(new Book("First", author, 100, LocalDateTime.of(1920, 1, 1, 0, 0)));
              if (name.equals("boom")) {
                throw new IllegalStateException("the view failed after saving");
              }
              return Response.text("created " + author.getId());
            }),
        path(
            "shelf/",
            request -> {
              Database db = Orm.database(request.galvani());
              return Response.text(
                  db.objects(Book.class).list().stream()
                      .map(book -> book.getAuthor().getName() + "/" + book.getTags().size())
                      .collect(Collectors.joining(",")));
            },
            "shelf"),
        path(
            "books/",
            request -> {
              Database db = Orm.database(request.galvani());
              String order = request.query().get("order", "title");
              return Response.text(
                  db.objects(Book.class).orderBy(order).list().stream()
                      .map(Book::getTitle)
                      .collect(Collectors.joining(",")));
            }));
  }

  @Test
  void views_loadLazyRelationsThroughTheRequestSession() {
    try (Galvani galvani = site(TestDatabases.url(Vendor.H2), false)) {
      TestClient client = new TestClient(galvani);
      assertEquals(200, client.post("/authors/new/", Map.of("name", "Ann")).status());
      TestResponse list = client.get("/authors/");
      assertEquals(200, list.status());
      assertEquals("Ann:1", list.text());
    }
  }

  @Test
  void atomicRequests_rollBackEverythingTheViewWroteWhenItFails() {
    try (Galvani galvani = site(TestDatabases.url(Vendor.H2), true)) {
      TestClient client = new TestClient(galvani);
      assertEquals(500, client.post("/authors/new/", Map.of("name", "boom")).status());
      assertEquals(200, client.post("/authors/new/", Map.of("name", "Ann")).status());
      assertEquals("Ann:1", client.get("/authors/").text());
    }
  }

  @Test
  void withoutAtomicRequests_eachSaveCommitsOnItsOwn() {
    try (Galvani galvani = site(TestDatabases.url(Vendor.H2), false)) {
      TestClient client = new TestClient(galvani);
      assertEquals(500, client.post("/authors/new/", Map.of("name", "boom")).status());
      assertEquals("boom:1", client.get("/authors/").text());
    }
  }

  @Test
  void missingRows_answer404_andBadFieldNames400_withoutInternals() {
    try (Galvani galvani = site(TestDatabases.url(Vendor.H2), false)) {
      TestClient client = new TestClient(galvani);
      assertEquals(404, client.get("/authors/999/").status());
      TestResponse bad = client.get("/books/?order=title;drop%20table%20orm_book");
      assertEquals(400, bad.status());
      assertTrue(bad.text().contains("Cannot resolve"), bad.text());
      assertFalse(bad.text().toLowerCase().contains("select"), bad.text());
      assertEquals(200, client.get("/books/?order=-pages").status());
    }
  }

  @Test
  void lazyLoadsInALoop_areReportedInDebug_namingTheViewAndTheFix() {
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("galvani.orm");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
        new ch.qos.logback.core.read.ListAppender<>();
    captured.start();
    log.addAppender(captured);
    ch.qos.logback.classic.Level level = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.WARN);
    try (Galvani galvani =
        site(TestDatabases.url(Vendor.H2), false, Map.of("DEBUG", "true", "BATCH", "1"))) {
      Database db = Orm.database(galvani);
      for (int i = 0; i < 4; i++) {
        Author author = db.save(new Author("A" + i, null, null));
        db.save(new Book("B" + i, author, 10, null));
      }
      assertEquals(200, new TestClient(galvani).get("/shelf/").status());
      List<String> warnings =
          captured.list.stream()
              .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
              .toList();
      assertTrue(
          warnings.contains(
              "N+1 queries in view 'shelf': Book.tags was loaded lazily 4 times, one query each;"
                  + " load it with the rows: prefetchRelated(\"tags\")"),
          warnings.toString());
      assertTrue(
          warnings.contains(
              "N+1 queries in view 'shelf': Author (through Book.author) was loaded lazily 4"
                  + " times, one query each; load it with the rows: selectRelated(...) on the"
                  + " query of Book.author"),
          warnings.toString());
    } finally {
      log.detachAppender(captured);
      log.setLevel(level);
    }
  }

  @Test
  void anUnreachableDatabase_answers503_andTheSiteRecoversWhenItReturns() throws Exception {
    String direct = TestDatabases.url(Vendor.POSTGRESQL);
    java.util.regex.Matcher port =
        java.util.regex.Pattern.compile("://[^/:]+:(\\d+)/").matcher(direct);
    assertTrue(port.find(), "the test URL names a port: " + direct);
    try (TcpForwarder forwarder = new TcpForwarder(Integer.parseInt(port.group(1)))) {
      forwarder.start();
      String viaForwarder =
          direct.substring(0, port.start(1)) + forwarder.port() + direct.substring(port.end(1));
      try (Galvani galvani = site(viaForwarder, false)) {
        TestClient client = new TestClient(galvani);
        assertEquals(200, client.get("/authors/").status());

        forwarder.cut();
        TestResponse down =
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client.get("/authors/"));
        assertEquals(503, down.status());
        assertEquals("5", down.header("Retry-After").orElseThrow());
        assertFalse(down.text().contains(String.valueOf(forwarder.port())), down.text());
        int threadsWhileDown = Thread.activeCount();
        for (int i = 0; i < 5; i++) {
          assertEquals(503, client.get("/authors/").status());
        }
        assertTrue(
            Thread.activeCount() <= threadsWhileDown + 2,
            "failed requests leave no threads behind: "
                + threadsWhileDown
                + " -> "
                + Thread.activeCount());

        forwarder.start();
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
          status = client.get("/authors/").status();
          if (status != 200) {
            Thread.sleep(250);
          }
        }
        assertEquals(200, status, "the site serves again once the database is back");
      }
    }
  }
}
