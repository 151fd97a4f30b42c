package dev.galvani.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Genre;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metadata API that forms, the admin and serializers read. */
class ModelMetaTest {
  static Database db;

  @BeforeAll
  static void open() {
    db =
        Database.open(
            DatabaseConfig.of("default", TestDatabases.url(Vendor.H2)),
            LibraryDatabase.WITH_READERS);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void fields_comeInDeclarationOrder_withColumnsAndConstraints() {
    // snippet:meta
    ModelMeta<Book> book = db.meta(Book.class);
    FieldMeta title = book.require("title");
    assertEquals("orm_book", book.table());
    assertEquals(OptionalInt.of(200), title.maxLength());
    assertFalse(title.nullable());
    assertEquals(FieldMeta.Relation.MANY_TO_ONE, book.require("author").relation());
    assertEquals(List.of(Genre.NOVEL, Genre.POETRY, Genre.ESSAY), book.require("genre").choices());
    // end-snippet
    assertEquals(
        List.of("id", "title", "author", "genre", "pages", "price", "published", "tags", "version"),
        book.fields().stream().map(FieldMeta::name).toList());
    assertEquals("title", title.column());
    assertEquals("author_id", book.require("author").column());
    assertEquals(Author.class, book.require("author").target().orElseThrow());
    assertEquals(FieldMeta.Relation.MANY_TO_MANY, book.require("tags").relation());
    assertEquals(Tag.class, book.require("tags").type());
    assertTrue(book.id().primaryKey());
    assertTrue(book.versionField().orElseThrow().version());
    assertTrue(book.require("price").nullable());
    assertFalse(book.require("pages").nullable());
  }

  @Test
  void humanNames_comeFromVerboseOrTheFieldName() {
    ModelMeta<Author> author = db.meta(Author.class);
    assertEquals("writer", author.verboseName());
    assertEquals("writers", author.verboseNamePlural());
    assertEquals("e-mail address", author.require("email").verboseName());
    assertEquals("Where readers write to.", author.require("email").helpText());
    assertTrue(author.require("email").unique());
    assertEquals("book", db.meta(Book.class).verboseName());
    assertEquals("books", db.meta(Book.class).verboseNamePlural());
    assertEquals("published", db.meta(Book.class).require("published").verboseName());
    assertEquals(FieldMeta.Relation.ONE_TO_MANY, author.require("books").relation());
    assertFalse(author.require("books").editable());
  }

  @Test
  void unknownFields_areNamedWithTheChoices() {
    InvalidQuery error = assertThrows(InvalidQuery.class, () -> db.meta(Tag.class).require("name"));
    assertEquals("Cannot resolve 'name' on Tag; choices are: id, label", error.getMessage());
    InvalidQuery notEntity = assertThrows(InvalidQuery.class, () -> db.meta(String.class));
    assertTrue(notEntity.getMessage().contains("is not an entity"), notEntity.getMessage());
  }

  @Test
  void aBooleanLookupThatIsNotABoolean_namesTheFieldAndType() {
    QuerySet<dev.galvani.orm.library.Reader> readers =
        db.objects(dev.galvani.orm.library.Reader.class);
    InvalidQuery error =
        assertThrows(InvalidQuery.class, () -> readers.filter("newsletter", "maybe").list());
    assertEquals(
        "Field 'newsletter' in 'newsletter' expected a value of type Boolean but got 'maybe'",
        error.getMessage());
  }
}
