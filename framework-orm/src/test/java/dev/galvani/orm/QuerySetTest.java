package dev.galvani.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Book_;
import dev.galvani.orm.library.Genre;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.library.Tag_;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The QuerySet contract: every test runs on H2, PostgreSQL and MariaDB. */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class QuerySetTest {
  @Parameter Vendor vendor;
  static Database db;
  QuerySet<Book> books;
  Author woolf;
  Author austen;
  Tag classic;
  Tag modern;

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = LibraryDatabase.open(vendor);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    db.close();
  }

  @BeforeEach
  void library() {
    LibraryDatabase.empty(db);
    books = db.objects(Book.class);
    woolf = db.save(new Author("Virginia Woolf", "vw@example.com", LocalDate.of(1882, 1, 25)));
    austen = db.save(new Author("Jane Austen", "ja@example.com", LocalDate.of(1775, 12, 16)));
    db.save(new Author("Nobody 100%_sure", null, null));
    classic = db.save(new Tag("classic"));
    modern = db.save(new Tag("modern"));
    book("Mrs Dalloway", woolf, 194, 1925, 5, 14, "12.50", classic, modern);
    book("To the Lighthouse", woolf, 209, 1927, 5, 5, "9.99", modern);
    book("Orlando", woolf, 333, 1928, 10, 11, null);
    book("Emma", austen, 474, 1815, 12, 23, "7.00", classic);
    book("Persuasion", austen, 249, 1817, 12, 20, "6.50", classic);
  }

  private void book(
      String title,
      Author author,
      int pages,
      int year,
      int month,
      int day,
      String price,
      Tag... tags) {
    Book book = new Book(title, author, pages, LocalDateTime.of(year, month, day, 12, 0));
    book.setPrice(price == null ? null : new BigDecimal(price));
    book.getTags().addAll(List.of(tags));
    db.save(book);
  }

  private static List<String> titles(QuerySet<Book> query) {
    return query.list().stream().map(Book::getTitle).toList();
  }

  @Test
  void filter_withFieldLookups_findsTheMatchingRows() {
    // snippet:lookups
    assertEquals(List.of("Emma"), titles(books.filter("title", "Emma")));
    assertEquals(List.of("Emma"), titles(books.filter("title__iexact", "EMMA")));
    assertEquals(List.of("To the Lighthouse"), titles(books.filter("title__contains", "Light")));
    assertEquals(
        List.of("To the Lighthouse"), titles(books.filter("title__icontains", "lighthouse")));
    assertEquals(List.of("Orlando"), titles(books.filter("title__startswith", "Or")));
    assertEquals(List.of("Persuasion"), titles(books.filter("title__iendswith", "SION")));
    assertEquals(
        List.of("Emma", "Orlando"),
        titles(books.filter("title__in", List.of("Emma", "Orlando", "Ulysses")).orderBy("title")));
    assertEquals(List.of(), titles(books.filter("title__in", List.of())));
    assertEquals(
        List.of("Orlando", "Emma"), titles(books.filter("pages__gt", 300).orderBy("pages")));
    assertEquals(3, books.filter("pages__gte", 209).filter("pages__lte", 333).count());
    assertEquals(2, books.filter("pages__lt", 210).count());
    assertEquals(
        List.of("To the Lighthouse", "Persuasion"),
        titles(books.filter("pages__range", List.of(200, 250)).orderBy("pages")));
    // end-snippet
    assertEquals(List.of("Orlando"), titles(books.filter("price__isnull", true)));
    assertEquals(4, books.filter("price__isnull", false).count());
    assertEquals(List.of("Emma"), titles(books.filter("genre", Genre.NOVEL).filter("pages", 474)));
  }

  @Test
  void filter_withDateTransforms_comparesTheParts() {
    // snippet:dates
    assertEquals(
        List.of("Mrs Dalloway", "To the Lighthouse", "Orlando"),
        titles(books.filter("published__year__gte", 1900).orderBy("published")));
    assertEquals(List.of("Orlando"), titles(books.filter("published__month", 10)));
    assertEquals(List.of("Persuasion"), titles(books.filter("published__day", 20)));
    assertEquals(2, books.filter("published__year__in", List.of(1815, 1817)).count());
    // end-snippet
  }

  @Test
  void likeLookups_treatPercentAndUnderscoreAsText() {
    QuerySet<Author> authors = db.objects(Author.class);
    assertEquals(1, authors.filter("name__contains", "100%_").count());
    assertEquals(0, authors.filter("name__contains", "1_0").count());
    assertEquals(0, authors.filter("name__icontains", "%").filter("name__startswith", "V").count());
  }

  @Test
  void filter_acrossRelations_joinsAndMatches() {
    // snippet:relations
    assertEquals(3, books.filter("author__name__icontains", "woolf").count());
    assertEquals(2, books.filter("author", austen).count());
    assertEquals(2, books.filter("author", austen.getId()).count());
    assertEquals(2, books.filter("author__id", String.valueOf(austen.getId())).count());
    assertEquals(
        List.of("Emma", "Mrs Dalloway", "Persuasion"),
        titles(books.filter("tags__label", "classic").orderBy("title")));
    QuerySet<Author> authors = db.objects(Author.class);
    assertEquals(
        List.of("Jane Austen"),
        authors.filter("books__pages__gt", 400).list().stream().map(Author::getName).toList());
    assertEquals(1, authors.filter("books__isnull", true).count());
    // end-snippet
    assertEquals(2, authors.filter("books__published__year__lt", 1930).distinct().count());
  }

  @Test
  void qObjects_combineWithOrAndNot() {
    // snippet:q
    Q short_ = Q.of("pages__lt", 200);
    Q long_ = Q.of("pages__gt", 400);
    assertEquals(
        List.of("Mrs Dalloway", "Emma"), titles(books.filter(short_.or(long_)).orderBy("pages")));
    // end-snippet
    assertEquals(
        List.of("To the Lighthouse", "Orlando"),
        titles(books.filter(Q.of("author", woolf).and(short_.not())).orderBy("pages")));
    assertEquals(
        List.of("Emma", "Persuasion"), titles(books.exclude("author", woolf).orderBy("title")));
  }

  @Test
  void typedConditions_useTheGeneratedMetamodel() {
    // snippet:typed
    assertEquals(
        List.of("Orlando"),
        titles(
            books.filter(
                Where.of(Book_.pages).gt(300).and(Where.of(Book_.title).icontains("or")))));
    // end-snippet
    assertEquals(
        List.of("Emma", "Orlando"),
        titles(books.filter(Where.of(Book_.pages).gt(300)).orderBy(Book_.title, false)));
  }

  @Test
  void orderBy_acceptsDescendingAndRelatedFields() {
    assertEquals(
        List.of("Orlando", "To the Lighthouse", "Mrs Dalloway", "Persuasion", "Emma"),
        titles(books.orderBy("-published")));
    assertEquals("Emma", books.orderBy("author__name", "published").first().get().getTitle());
    assertEquals("Emma", books.orderBy("pages").last().get().getTitle());
  }

  @Test
  void slicing_limitsAndOffsetsInOrder() {
    // snippet:slicing
    QuerySet<Book> byPages = books.orderBy("pages");
    assertEquals(List.of("Mrs Dalloway", "To the Lighthouse"), titles(byPages.limit(2)));
    assertEquals(List.of("Persuasion", "Orlando"), titles(byPages.slice(2, 4)));
    assertEquals(List.of("Orlando"), titles(byPages.offset(3).limit(1)));
    assertEquals(2, byPages.slice(1, 3).count());
    Page<Book> page = byPages.page(2, 2);
    assertEquals(
        List.of("Persuasion", "Orlando"), page.items().stream().map(Book::getTitle).toList());
    assertTrue(page.hasNext());
    // end-snippet
    assertTrue(page.hasPrevious());
    assertFalse(byPages.page(3, 2).hasNext());
    assertTrue(byPages.page(9, 2).isEmpty());
  }

  @Test
  void get_returnsOneRowOrNamesWhatWentWrong() {
    // snippet:get
    assertEquals("Emma", books.get("title", "Emma").getTitle());
    ObjectDoesNotExist missing =
        assertThrows(ObjectDoesNotExist.class, () -> books.get("title", "Ulysses"));
    // end-snippet
    assertEquals("No book matches the given query.", missing.getMessage());
    assertEquals(
        404,
        assertThrows(dev.galvani.core.http.NotFound.class, () -> books.getOr404("title", "Ulysses"))
            .status());
    MultipleObjectsReturned many =
        assertThrows(MultipleObjectsReturned.class, () -> books.get("author", woolf));
    assertTrue(many.getMessage().contains("it returned 3"), many.getMessage());
  }

  @Test
  void countAndExists_askTheDatabase() {
    assertEquals(5, books.count());
    assertTrue(books.filter("title", "Emma").exists());
    assertFalse(books.filter("title", "Ulysses").exists());
  }

  @Test
  void aggregate_computesOverMatchingRows() {
    // snippet:aggregate
    Map<String, Object> stats =
        books
            .filter("author", woolf)
            .aggregate(
                Map.of(
                    "total", Aggregate.sum("pages"),
                    "longest", Aggregate.max("pages"),
                    "first", Aggregate.min("published"),
                    "count", Aggregate.count("id"),
                    "average", Aggregate.avg("pages")));
    // end-snippet
    assertEquals(736L, ((Number) stats.get("total")).longValue());
    assertEquals(333, ((Number) stats.get("longest")).intValue());
    assertEquals(LocalDateTime.of(1925, 5, 14, 12, 0), stats.get("first"));
    assertEquals(3L, ((Number) stats.get("count")).longValue());
    assertEquals(245.33, ((Number) stats.get("average")).doubleValue(), 0.01);
  }

  @Test
  void annotate_groupsValuesAndFiltersOnTheResult() {
    // snippet:annotate
    List<Map<String, Object>> perAuthor =
        books.annotate("titles", Aggregate.count("id")).orderBy("-titles").values("author__name");
    // end-snippet
    assertEquals("Virginia Woolf", perAuthor.get(0).get("author__name"));
    assertEquals(3L, ((Number) perAuthor.get(0).get("titles")).longValue());
    assertEquals(2L, ((Number) perAuthor.get(1).get("titles")).longValue());
    List<Map<String, Object>> prolific =
        books
            .annotate("titles", Aggregate.count("id"))
            .filter("titles__gt", 2)
            .values("author__name");
    assertEquals(1, prolific.size());
    assertEquals("Virginia Woolf", prolific.get(0).get("author__name"));
  }

  @Test
  void values_returnsChosenFieldsAcrossRelations() {
    assertEquals(
        List.of(Map.of("title", "Emma", "author__name", "Jane Austen")),
        books.filter("pages", 474).values("title", "author__name"));
    assertEquals(
        List.of("Emma", "Mrs Dalloway"),
        books.filter("tags", classic).orderBy("title").limit(2).valuesList("title", String.class));
  }

  @Test
  void selectRelated_loadsAuthorsInTheSameQuery() {
    List<String> lazy =
        db.captureQueries(
            () ->
                db.session(
                    () -> books.list().stream().map(book -> book.getAuthor().getName()).toList()));
    List<String> joined =
        db.captureQueries(
            () ->
                db.session(
                    () ->
                        books.selectRelated("author").list().stream()
                            .map(book -> book.getAuthor().getName())
                            .toList()));
    assertEquals(1, joined.size(), joined.toString());
    assertTrue(lazy.size() > joined.size(), lazy.toString());
  }

  @Test
  void prefetchRelated_loadsCollectionsInABatchAndWorksOutsideTheSession() {
    // snippet:prefetch
    List<Book> fetched = books.prefetchRelated("tags").orderBy("title").list();
    // the session is closed: the tags must already be there
    assertEquals(2, fetched.get(1).getTags().size());
    // end-snippet
    List<String> queries = db.captureQueries(() -> books.prefetchRelated("tags").list());
    assertEquals(2, queries.size(), queries.toString());
  }

  @Test
  void update_setsFieldsInOneStatement_withFieldReferences() {
    // snippet:update
    assertEquals(3, books.filter("author", woolf).update("pages", F.of("pages").plus(1)));
    // end-snippet
    assertEquals(195, books.get("title", "Mrs Dalloway").getPages());
    assertEquals(
        2, books.filter("author__name", "Jane Austen").update(Map.of("genre", Genre.ESSAY)));
    assertEquals(2, books.filter("genre", Genre.ESSAY).count());
    assertEquals(
        1, books.filter("pages__gt", F.of("pages").minus(1)).filter("title", "Emma").count());
  }

  @Test
  void bulkUpdate_writesTheNamedFieldsOfLoadedRows_inOneBatch() {
    // snippet:bulk-update
    List<Book> loaded = books.filter("author", woolf).orderBy("title").list();
    for (Book book : loaded) {
      book.setPages(book.getPages() * 2);
      book.setTitle("not written: only the named fields are");
    }
    assertEquals(3, books.bulkUpdate(loaded, "pages"));
    // end-snippet
    assertEquals(388, books.get("title", "Mrs Dalloway").getPages());
    assertEquals(666, books.get("title", "Orlando").getPages());
    assertEquals(0, books.filter("title__startswith", "not written").count());
    // each row's @Version moved on, in the row and in memory, so the copies can be saved again
    Book dalloway = loaded.get(0);
    assertEquals(1, dalloway.getVersion());
    assertEquals(1, books.get("title", "Mrs Dalloway").getVersion());
    dalloway.setTitle("Mrs Dalloway");
    dalloway.setPages(1);
    db.save(dalloway);
    assertEquals(1, books.get("title", "Mrs Dalloway").getPages());

    QuerySet<Tag> tags = db.objects(Tag.class);
    List<Tag> all = tags.orderBy("label").list();
    all.forEach(tag -> tag.setLabel(tag.getLabel().toUpperCase(java.util.Locale.ROOT)));
    List<String> statements =
        db.captureQueries(() -> assertEquals(2, tags.bulkUpdate(all, Tag_.label)));
    assertEquals(1, statements.size(), "one batch: " + statements);
    assertEquals(
        List.of("CLASSIC", "MODERN"),
        tags.orderBy("label").list().stream().map(Tag::getLabel).toList());
    assertEquals(0, tags.bulkUpdate(List.of(), "label"));
  }

  @Test
  void bulkUpdate_aRowChangedSinceItWasRead_failsTheWholeUpdate() {
    List<Book> loaded = books.filter("author", austen).orderBy("title").list();
    Book emma = books.get("title", "Emma");
    emma.setPages(1000);
    db.save(emma); // its version moves on; the copy in `loaded` is now stale
    loaded.forEach(book -> book.setPages(1));
    assertThrows(OptimisticLockException.class, () -> books.bulkUpdate(loaded, "pages"));
    assertEquals(1000, books.get("title", "Emma").getPages());
    assertEquals(249, books.get("title", "Persuasion").getPages(), "rolled back with the rest");
  }

  @Test
  void bulkUpdate_namesTheProblemWithAField_orARow() {
    List<Book> loaded = books.filter("author", austen).list();
    assertEquals(
        "Cannot resolve 'colour' on Book; choices are: id, title, author, genre, pages, price,"
            + " published, tags, version",
        assertThrows(InvalidQuery.class, () -> books.bulkUpdate(loaded, "colour")).getMessage());
    assertEquals(
        "bulkUpdate() writes plain fields; 'author' of Book is a relation; save() the rows to"
            + " change it",
        assertThrows(InvalidQuery.class, () -> books.bulkUpdate(loaded, "author")).getMessage());
    assertTrue(
        assertThrows(InvalidQuery.class, () -> books.bulkUpdate(loaded, "version"))
            .getMessage()
            .contains("the @Version"));
    assertTrue(
        assertThrows(InvalidQuery.class, () -> books.bulkUpdate(loaded, new String[0]))
            .getMessage()
            .contains("at least one field"));
    Book unsaved = new Book("Sanditon", austen, 100, null);
    assertEquals(
        "bulkUpdate() writes saved rows; a Book without an id was given",
        assertThrows(InvalidQuery.class, () -> books.bulkUpdate(List.of(unsaved), "pages"))
            .getMessage());
  }

  @Test
  void bulkUpdate_insideAtomic_writesTheSessionsRowsWithItsFlush() {
    db.atomic(
        () -> {
          Book emma = books.get("title", "Emma");
          emma.setPages(500);
          assertEquals(1, books.bulkUpdate(List.of(emma), "pages"));
          emma.setPages(501); // still managed: written at commit, without a version conflict
        });
    assertEquals(501, books.get("title", "Emma").getPages());
  }

  @Test
  void delete_removesRowsAndTheirLinks() {
    assertEquals(2, books.filter("author", austen).delete());
    assertEquals(3, books.count());
    assertEquals(0, books.filter("title", "Emma").count());
    long links =
        db.connection(
            connection -> {
              try (var statement = connection.createStatement();
                  var rows = statement.executeQuery("select count(*) from orm_book_tags")) {
                rows.next();
                return rows.getLong(1);
              }
            });
    assertEquals(3, links);
    assertEquals(1, db.objects(Tag.class).filter("label", "modern").delete());
  }

  @Test
  void getOrCreate_andUpdateOrCreate_findOrMakeOneRow() {
    QuerySet<Tag> tags = db.objects(Tag.class);
    Created<Tag> found = tags.getOrCreate(Map.of("label", "classic"));
    assertFalse(found.created());
    assertEquals(classic.getId(), found.object().getId());
    // snippet:get-or-create
    Created<Tag> made = tags.getOrCreate(Map.of("label", "gothic"));
    assertTrue(made.created());
    // end-snippet
    assertEquals(3, tags.count());
    Created<Book> updated =
        books.updateOrCreate(Map.of("title", "Emma", "author", austen), book -> book.setPages(500));
    assertFalse(updated.created());
    assertEquals(500, books.get("title", "Emma").getPages());
  }

  @Test
  void bulkCreate_insertsAllRows() {
    List<Tag> created =
        db.objects(Tag.class).bulkCreate(List.of(new Tag("a"), new Tag("b"), new Tag("c")));
    assertEquals(3, created.stream().filter(tag -> tag.getId() != null).count());
    assertEquals(5, db.objects(Tag.class).count());
  }

  @Test
  void raw_runsHandWrittenSqlWithBoundParameters() {
    // snippet:raw
    List<Book> rows =
        db.raw(Book.class, "select * from orm_book where pages > ? order by pages", 300);
    // end-snippet
    assertEquals(List.of("Orlando", "Emma"), rows.stream().map(Book::getTitle).toList());
    assertEquals(1, db.execute("update orm_book set pages = ? where title = ?", 1, "Emma"));
  }

  @Test
  void unknownFieldsAndLookups_failNamingTheChoices_beforeAnySql() {
    List<String> sent =
        db.captureQueries(
            () -> {
              // snippet:invalid
              InvalidQuery unknown =
                  assertThrows(InvalidQuery.class, () -> books.filter("titel", "x"));
              assertTrue(unknown.getMessage().contains("Cannot resolve 'titel' on Book"));
              assertTrue(unknown.getMessage().contains("choices are: id, title, author"));
              // end-snippet
              InvalidQuery lookup =
                  assertThrows(InvalidQuery.class, () -> books.filter("pages__bigger", 1));
              assertTrue(lookup.getMessage().contains("Unsupported lookup 'bigger'"));
              InvalidQuery related =
                  assertThrows(InvalidQuery.class, () -> books.filter("author__nam", "x"));
              assertTrue(related.getMessage().contains("on Author"), related.getMessage());
              InvalidQuery injection =
                  assertThrows(
                      InvalidQuery.class, () -> books.orderBy("title; drop table orm_book"));
              assertTrue(injection.getMessage().contains("title; drop table"));
              assertThrows(InvalidQuery.class, () -> books.filter("title__year", 1));
              assertThrows(InvalidQuery.class, () -> books.selectRelated("tags"));
              assertEquals(
                  400, assertThrows(InvalidQuery.class, () -> books.orderBy("?")).status());
            });
    assertEquals(List.of(), sent);
  }

  @Test
  void valuesOfTheWrongType_failNamingTheFieldAndType() {
    InvalidQuery error =
        assertThrows(InvalidQuery.class, () -> books.filter("pages", "many").list());
    assertEquals(
        "Field 'pages' in 'pages' expected a value of type Integer but got 'many'",
        error.getMessage());
    InvalidQuery choice =
        assertThrows(InvalidQuery.class, () -> books.filter("genre", "SCIFI").list());
    assertTrue(choice.getMessage().contains("[NOVEL, POETRY, ESSAY]"), choice.getMessage());
    assertEquals(1, books.filter("pages", "474").count());
  }

  @Test
  void saveOfAStaleRow_failsWithOptimisticLock_andKeepsTheNewerChange() {
    Book first = books.get("title", "Emma");
    Book second = books.get("title", "Emma");
    first.setPages(480);
    db.save(first);
    second.setPages(490);
    assertThrows(jakarta.persistence.OptimisticLockException.class, () -> db.save(second));
    assertEquals(480, books.get("title", "Emma").getPages());
  }

  @Test
  void get_byPrimaryKey_isOneQuery_andTheSessionRemembersTheRow() {
    long id = books.get("title", "Emma").getId();
    dev.galvani.orm.test.QueryAssertions.assertNumQueries(
        db,
        1,
        () ->
            db.session(
                () -> {
                  assertEquals("Emma", books.get("id", id).getTitle());
                  return books.get("id", String.valueOf(id));
                }));
    assertThrows(ObjectDoesNotExist.class, () -> books.get("id", 999_999));
    assertThrows(InvalidQuery.class, () -> books.get("id", "abc"));
    assertThrows(ObjectDoesNotExist.class, () -> books.filter("pages__lt", 10).get("id", id));
  }
}
