package dev.galvani.orm;

import static dev.galvani.orm.test.QueryAssertions.assertNumQueries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.test.RollbackEachTest;
import dev.galvani.orm.test.TestDatabases;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The database test tools: a rolled-back transaction per test and assertNumQueries. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestToolsTest {
  // snippet:rollback
  static Database db;

  @RegisterExtension RollbackEachTest rollback = new RollbackEachTest(() -> db);

  @BeforeAll
  static void open() {
    db =
        Database.open(
            DatabaseConfig.of("default", TestDatabases.url(Vendor.POSTGRESQL)),
            LibraryDatabase.MODELS);
    db.sessionFactory().getSchemaManager().drop(true); // or run the migrations
    db.sessionFactory().getSchemaManager().create(true);
  }

  // end-snippet

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  @Order(1)
  void aTestWritesRows() {
    db.save(new Author("Ann", null, LocalDate.of(1900, 1, 1)));
    db.atomic(() -> db.save(new Author("Bob", null, null)));
    assertEquals(2, db.objects(Author.class).count());
  }

  @Test
  @Order(2)
  void theNextTestDoesNotSeeThem() {
    assertEquals(0, db.objects(Author.class).count());
  }

  @Test
  @Order(3)
  void assertNumQueries_countsStatements_andListsThemWhenWrong() {
    Author ann = db.save(new Author("Ann", null, null));
    db.save(new Book("One", ann, 1, null));
    // snippet:num-queries
    assertNumQueries(db, 1, () -> db.objects(Book.class).selectRelated("author").list());
    // end-snippet
    AssertionFailedError failure =
        assertThrows(
            AssertionFailedError.class,
            () -> assertNumQueries(db, 0, () -> db.objects(Book.class).count()));
    assertTrue(
        failure.getMessage().startsWith("0 queries expected, 1 sent:\n  1. select count"),
        failure.getMessage());
  }
}
