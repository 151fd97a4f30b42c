package dev.galvani.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.library.Author;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class TransactionsTest {
  @Parameter Vendor vendor;
  static Database db;

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = LibraryDatabase.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    db.close();
  }

  @AfterAll
  static void nothing() {}

  @BeforeEach
  void empty() {
    LibraryDatabase.empty(db);
  }

  private static long authors() {
    return db.withSession(
        session ->
            session
                .createSelectionQuery("select count(*) from Author", Long.class)
                .getSingleResult());
  }

  private static Author author(String name) {
    return new Author(name, name.toLowerCase() + "@example.com", LocalDate.of(1950, 1, 1));
  }

  @Test
  void atomic_commitsWhenTheBlockReturns() {
    db.atomic(() -> db.save(author("Ann")));
    assertEquals(1, authors());
  }

  @Test
  void atomic_rollsBackWhenTheBlockThrows() {
    assertThrows(
        IllegalStateException.class,
        () ->
            db.atomic(
                () -> {
                  db.save(author("Ann"));
                  throw new IllegalStateException("changed my mind");
                }));
    assertEquals(0, authors());
  }

  @Test
  void nestedAtomic_rollsBackOnlyTheInnerBlock() {
    // snippet:nested
    db.atomic(
        () -> {
          db.save(author("Outer"));
          assertThrows(
              IllegalStateException.class,
              () ->
                  db.atomic(
                      () -> {
                        db.save(author("Inner"));
                        throw new IllegalStateException("inner fails");
                      }));
          db.save(author("After"));
        });
    // end-snippet
    List<String> names =
        db.withSession(
            session ->
                session
                    .createSelectionQuery("select name from Author order by name", String.class)
                    .getResultList());
    assertEquals(List.of("After", "Outer"), names);
  }

  @Test
  void onCommit_runsAfterCommitAndIsDroppedOnRollback() {
    List<String> ran = new ArrayList<>();
    db.atomic(
        () -> {
          db.save(author("Ann"));
          // snippet:on-commit
          db.onCommit(() -> ran.add("committed:" + authorsSeenByAnotherConnection()));
          // end-snippet
          assertTrue(ran.isEmpty(), "hooks wait for the commit");
        });
    assertEquals(List.of("committed:1"), ran);
    assertThrows(
        IllegalStateException.class,
        () ->
            db.atomic(
                () -> {
                  db.onCommit(() -> ran.add("rolled back"));
                  throw new IllegalStateException("no");
                }));
    assertEquals(List.of("committed:1"), ran);
  }

  private static long authorsSeenByAnotherConnection() {
    return db.connection(
        connection -> {
          try (var statement = connection.createStatement();
              var rows = statement.executeQuery("select count(*) from orm_author")) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Test
  void uniqueViolation_isANamedException_andTheTransactionRollsBack() {
    db.save(author("Ann"));
    IntegrityError error =
        assertThrows(
            IntegrityError.UniqueViolation.class,
            () ->
                db.atomic(
                    () -> {
                      db.save(author("Bob"));
                      db.save(author("Ann"));
                    }));
    assertFalse(error.getMessage().contains("insert"), error.getMessage());
    assertEquals(1, authors());
  }

  @Test
  void uniqueViolationInANestedBlock_leavesTheOuterWorkIntact() {
    db.save(author("Ann"));
    db.atomic(
        () -> {
          db.save(author("Bob"));
          // like Django: an expected failure gets its own atomic block, so it can be caught
          assertThrows(
              IntegrityError.UniqueViolation.class, () -> db.atomic(() -> db.save(author("Ann"))));
          db.save(author("Cy"));
        });
    assertEquals(3, authors());
  }

  @Test
  void save_writesBackAnEntityReadOutsideATransaction() {
    Author saved = db.save(author("Ann"));
    Author loaded = db.withSession(session -> session.find(Author.class, saved.getId()));
    loaded.setName("Anne");
    db.save(loaded);
    assertEquals(
        "Anne", db.withSession(session -> session.find(Author.class, saved.getId()).getName()));
  }
}
