package dev.galvani.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Reading;
import dev.galvani.orm.library.Shelf;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads outside a transaction of plain models, which the ORM runs through JDBC below Hibernate's
 * session: the same values as Hibernate reads, one statement each, one connection per unit of work,
 * and Hibernate's behaviour wherever a model needs it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class PlainReadsTest {
  static final List<Class<?>> MODELS =
      List.of(Author.class, Book.class, Tag.class, Reading.class, Shelf.class);

  @Parameter Vendor vendor;
  static Database db;

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = LibraryDatabase.open(TestDatabases.url(vendor), MODELS);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    LibraryDatabase.dropAndClose(db);
  }

  @BeforeEach
  void empty() {
    LibraryDatabase.empty(db);
  }

  @Test
  void everyKindOfValueReadsAsHibernateReadsIt() {
    Reading full = db.save(Reading.full("full", 7));
    Reading bare = db.save(new Reading("bare"));
    for (Reading saved : List.of(full, bare)) {
      Reading plain = db.objects(Reading.class).get("id", saved.getId());
      Reading hibernate = db.atomic(() -> db.objects(Reading.class).get("id", saved.getId()));
      assertEquals(fields(hibernate), fields(plain));
    }
    Map<String, Object> read = fields(db.objects(Reading.class).get("id", full.getId()));
    Map<String, Object> written = fields(full);
    for (String field : List.of("label", "hits", "total", "dueOn", "startsAt", "token", "tier")) {
      assertEquals(written.get(field), read.get(field), field);
    }
    assertEquals(
        0,
        ((java.math.BigDecimal) written.get("amount"))
            .compareTo((java.math.BigDecimal) read.get("amount")));
    assertEquals(written.get("flagged"), read.get("flagged"));
    assertEquals(written.get("genre"), read.get("genre"));
  }

  @Test
  void listReadsEveryRowInTheAskedOrder_asHibernateDoes() {
    for (int seed = 0; seed < 5; seed++) {
      db.save(Reading.full("r" + (4 - seed), seed));
    }
    for (List<String> order :
        List.of(List.of("label"), List.of("-total"), List.of("genre", "-id"))) {
      QuerySet<Reading> readings = db.objects(Reading.class).orderBy(order.toArray(String[]::new));
      List<Map<String, Object>> plain = readings.list().stream().map(this::fields).toList();
      List<Map<String, Object>> hibernate =
          db.atomic(() -> readings.list().stream().map(this::fields).toList());
      assertEquals(5, plain.size());
      assertEquals(hibernate, plain, "order by " + order);
    }
    assertEquals(
        List.of("r0", "r1", "r2", "r3", "r4"),
        db.objects(Reading.class).orderBy("label").list().stream().map(Reading::getLabel).toList());
    assertEquals(5, db.objects(Reading.class).list().size());
  }

  @Test
  void eachReadIsOneStatement_andAMissingRowIsObjectDoesNotExist() {
    Tag tag = db.save(new Tag("classic"));
    List<String> statements =
        db.captureQueries(
            () -> assertEquals("classic", db.objects(Tag.class).get("id", tag.getId()).getLabel()));
    assertEquals(1, statements.size(), statements.toString());
    assertTrue(statements.get(0).toLowerCase().contains("from orm_tag"), statements.toString());
    assertEquals(1, db.captureQueries(() -> db.objects(Tag.class).list()).size());

    ObjectDoesNotExist missing =
        assertThrows(
            ObjectDoesNotExist.class, () -> db.objects(Tag.class).get("id", tag.getId() + 1));
    assertEquals("No tag matches the given query.", missing.getMessage());
  }

  @Test
  void outsideATransaction_eachReadIsAFreshCopy_andSaveWritesItBack() {
    Reading saved = db.save(new Reading("draft"));
    // snippet:fresh-copies
    db.session(
        () -> {
          Reading first = db.objects(Reading.class).get("id", saved.getId());
          Reading second = db.objects(Reading.class).get("id", saved.getId());
          assertNotSame(first, second);
          assertEquals(first, second);
          first.setLabel("changed but not saved");
          assertEquals("draft", db.objects(Reading.class).get("id", saved.getId()).getLabel());

          first.setLabel("final");
          db.save(first);
          assertEquals(saved.getVersion() + 1, first.getVersion());
          return null;
        });
    assertEquals("final", db.objects(Reading.class).get("id", saved.getId()).getLabel());

    // inside atomic the rows are Hibernate's: one instance per row, changes written at commit
    db.atomic(
        () -> {
          Reading one = db.objects(Reading.class).get("id", saved.getId());
          assertSame(one, db.objects(Reading.class).get("id", saved.getId()));
          one.setLabel("committed");
        });
    // end-snippet
    assertEquals("committed", db.objects(Reading.class).get("id", saved.getId()).getLabel());
  }

  @Test
  void aUnitOfWorkHoldsOneConnection_sharedByJdbcReadsAndHibernate() throws Exception {
    DatabaseConfig onePool =
        DatabaseConfig.of("default", TestDatabases.url(vendor))
            .withPoolSize(1)
            .withConnectionTimeout(Duration.ofSeconds(2));
    try (Database single = LibraryDatabase.open(onePool, MODELS)) {
      Tag tag = single.save(new Tag("classic"));
      HikariDataSource pool = single.dataSource().unwrap(HikariDataSource.class);
      List<String> labels =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  single.session(
                      () -> {
                        List<String> seen = new ArrayList<>();
                        seen.add(single.objects(Tag.class).get("id", tag.getId()).getLabel());
                        // Hibernate's session opens on the connection the JDBC read took
                        assertEquals(0, single.objects(Book.class).count());
                        single.atomic(() -> single.save(new Tag("modern")));
                        assertThrows(
                            IllegalStateException.class,
                            () ->
                                single.atomic(
                                    () -> {
                                      single.save(new Tag("rolled back"));
                                      throw new IllegalStateException("undo");
                                    }));
                        single.objects(Tag.class).orderBy("label").list().stream()
                            .map(Tag::getLabel)
                            .forEach(seen::add);
                        assertEquals(1, pool.getHikariPoolMXBean().getActiveConnections());
                        return seen;
                      }));
      assertEquals(List.of("classic", "classic", "modern"), labels);
      assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "given back");
      assertEquals(2, single.objects(Tag.class).count());
    }
  }

  @Test
  void modelsThatNeedHibernateStillGetIt() {
    Shelf shelf = db.save(new Shelf("attic"));
    Shelf read = db.objects(Shelf.class).get("id", shelf.getId());
    assertTrue(read.isLoaded(), "@PostLoad ran");
    assertTrue(db.objects(Shelf.class).list().get(0).isLoaded(), "@PostLoad ran on list()");
    assertFalse(db.plainReader(Shelf.class).isPresent());

    // a collection (Author.books) and a lazy relation (Book.author) need the session
    assertFalse(db.plainReader(Author.class).isPresent());
    assertFalse(db.plainReader(Book.class).isPresent());
    assertTrue(db.plainReader(Tag.class).isPresent());
    assertTrue(db.plainReader(Reading.class).isPresent());
  }

  private Map<String, Object> fields(Object entity) {
    ModelMeta<?> meta = db.meta(entity.getClass());
    Map<String, Object> values = new LinkedHashMap<>();
    meta.fields().forEach(field -> values.put(field.name(), meta.get(entity, field.name())));
    return values;
  }
}
