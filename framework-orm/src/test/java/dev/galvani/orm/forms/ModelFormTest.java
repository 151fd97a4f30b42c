package dev.galvani.orm.forms;

import static dev.galvani.orm.forms.FormParams.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.forms.BoundField;
import dev.galvani.core.forms.BoundForm;
import dev.galvani.core.forms.Choice;
import dev.galvani.orm.Database;
import dev.galvani.orm.LibraryDatabase;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Genre;
import dev.galvani.orm.library.Reader;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class ModelFormTest {
  @Parameter Vendor vendor;
  static Database db;

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = LibraryDatabase.open(TestDatabases.url(vendor), LibraryDatabase.WITH_READERS);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    LibraryDatabase.dropAndClose(db);
  }

  @BeforeEach
  void empty() {
    LibraryDatabase.empty(db);
  }

  private static Author ann() {
    return db.save(new Author("Ann Leckie", "ann@example.com", LocalDate.of(1966, 3, 2)));
  }

  private static long books() {
    return db.withSession(
        session ->
            session
                .createSelectionQuery("select count(*) from Book", Long.class)
                .getSingleResult());
  }

  private static Map<String, BoundField> fieldsOf(BoundForm form) {
    Map<String, BoundField> fields = new java.util.LinkedHashMap<>();
    form.fields().forEach(field -> fields.put(field.name(), field));
    return fields;
  }

  @Test
  void derivedFields_followTheEntity_typesRequiredAndLengths() {
    Author ann = ann();
    Tag space = db.save(new Tag("space"));

    Map<String, BoundField> fields = fieldsOf(ModelForm.of(db, Book.class).unbound().form());

    assertEquals(
        List.of("title", "author", "genre", "pages", "price", "published", "tags"),
        List.copyOf(fields.keySet()));
    assertEquals("text", fields.get("title").widget());
    assertEquals(200, fields.get("title").maxLength());
    assertTrue(fields.get("title").required());
    assertEquals("select", fields.get("author").widget());
    assertTrue(fields.get("author").required());
    assertEquals(
        List.of(Choice.of(String.valueOf(ann.getId()), "Ann Leckie")),
        fields.get("author").choices());
    assertEquals(
        List.of(
            Choice.of("NOVEL", "Novel"),
            Choice.of("POETRY", "Poetry"),
            Choice.of("ESSAY", "Essay")),
        fields.get("genre").choices());
    assertEquals("number", fields.get("pages").widget());
    assertTrue(fields.get("pages").required());
    assertEquals("number", fields.get("price").widget());
    assertFalse(fields.get("price").required());
    assertEquals("datetime-local", fields.get("published").widget());
    assertEquals("select-multiple", fields.get("tags").widget());
    assertFalse(fields.get("tags").required());
    assertEquals(
        List.of(Choice.of(String.valueOf(space.getId()), "space")), fields.get("tags").choices());
  }

  @Test
  void labelsAndHelpText_comeFromVerboseNames() {
    Map<String, BoundField> author = fieldsOf(ModelForm.of(db, Author.class).unbound().form());
    assertEquals("E-mail address", author.get("email").label());
    assertEquals("Where readers write to.", author.get("email").helpText());
    assertEquals("Name", author.get("name").label());
    assertFalse(author.get("email").required());

    Map<String, BoundField> reader = fieldsOf(ModelForm.of(db, Reader.class).unbound().form());
    assertEquals("Usually reads at", reader.get("readsAt").label());
    assertEquals("time", reader.get("readsAt").widget());
    assertEquals("textarea", reader.get("notes").widget(), "a @Lob string has no length limit");
    assertEquals(0, reader.get("notes").maxLength());
    assertEquals(255, reader.get("nickname").maxLength(), "Hibernate's default column length");
    assertEquals("checkbox", reader.get("newsletter").widget());
    assertFalse(reader.get("newsletter").required(), "a checkbox is never required");
    assertTrue(reader.get("points").required());
    assertEquals("select", reader.get("favourite").widget());
    assertFalse(reader.get("favourite").required());
  }

  @Test
  void fields_withUnknownName_failsNamingTheChoices() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> ModelForm.of(db, Book.class).fields("titel"));
    assertEquals(
        "Book has no field 'titel'; choices are: title, author, genre, pages, price, published,"
            + " tags",
        error.getMessage());
    IllegalArgumentException notEditable =
        assertThrows(
            IllegalArgumentException.class, () -> ModelForm.of(db, Book.class).exclude("version"));
    assertTrue(
        notEditable.getMessage().startsWith("'version' of Book is not editable in a form"),
        notEditable.getMessage());
  }

  @Test
  void fieldsAndOverrides_chooseOrderLabelsAndWidgets() {
    ModelForm<Author> form =
        ModelForm.of(db, Author.class)
            .fields("email", "name")
            .label("name", "Full name")
            .widget("email", "email");

    Map<String, BoundField> fields = fieldsOf(form.unbound().form());

    assertEquals(List.of("email", "name"), List.copyOf(fields.keySet()));
    assertEquals("Full name", fields.get("name").label());
    assertEquals("email", fields.get("email").widget());
    assertEquals(
        Map.of("email", List.of("Enter a valid email address.")),
        form.bind(params("name", "Ann", "email", "not-an-address")).errors());
  }

  @Test
  void validData_savesARowWithEveryValue() {
    Author ann = ann();
    Tag space = db.save(new Tag("space"));
    Tag ai = db.save(new Tag("ai"));

    // snippet:save-new
    ModelForm<Book> bookForm = ModelForm.of(db, Book.class).exclude("published");
    BoundModelForm<Book> form =
        bookForm.bind(
            params(
                "title", "Ancillary Justice",
                "author", String.valueOf(ann.getId()),
                "genre", "NOVEL",
                "pages", "386",
                "price", "9.99",
                "tags", String.valueOf(space.getId()),
                "tags", String.valueOf(ai.getId())));
    Optional<Book> saved = form.save(); // empty while the form has errors
    // end-snippet

    assertTrue(saved.isPresent(), form.errors().toString());
    Book book =
        db.session(
            () -> {
              Book loaded = db.withSession(s -> s.find(Book.class, saved.get().getId()));
              assertEquals("Ann Leckie", loaded.getAuthor().getName());
              assertEquals(2, loaded.getTags().size());
              return loaded;
            });
    assertEquals("Ancillary Justice", book.getTitle());
    assertEquals(Genre.NOVEL, book.getGenre());
    assertEquals(386, book.getPages());
    assertEquals(new BigDecimal("9.99"), book.getPrice());
  }

  @Test
  void readerValues_emptyTextIsNull_uncheckedBoxIsFalse_longAndTimeAreKept() {
    Reader saved =
        ModelForm.of(db, Reader.class)
            .bind(params("name", "Bo", "nickname", "  ", "points", "1200", "readsAt", "21:30"))
            .save()
            .orElseThrow();

    Reader reader = db.withSession(s -> s.find(Reader.class, saved.getId()));
    assertEquals("Bo", reader.getName());
    assertEquals(null, reader.getNickname(), "an empty optional text is stored as NULL");
    assertFalse(reader.isNewsletter());
    assertEquals(1200L, reader.getPoints());
    assertEquals(LocalTime.of(21, 30), reader.getReadsAt());
  }

  @Test
  void invalidData_namesEachFieldsError_andSavesNothing() {
    ann();
    BoundModelForm<Book> form =
        ModelForm.of(db, Book.class)
            .bind(
                params(
                    "title", "x".repeat(201),
                    "author", "999",
                    "genre", "SAGA",
                    "price", "123456.789"));

    assertFalse(form.isValid());
    assertEquals(
        Map.of(
            "title", List.of("Ensure this value has at most 200 characters (it has 201)."),
            "author", List.of("Select a valid choice. 999 is not one of the available choices."),
            "genre", List.of("Select a valid choice. SAGA is not one of the available choices."),
            "pages", List.of("This field is required."),
            "price", List.of("Ensure that there are no more than 8 digits in total.")),
        form.errors());
    assertEquals(Optional.empty(), form.save());
    assertEquals(0, books());
  }

  @Test
  void duplicateUniqueValue_isAnErrorOnItsField() {
    ann();

    BoundModelForm<Author> form =
        ModelForm.of(db, Author.class)
            .bind(params("name", "Another Ann", "email", "ann@example.com"));

    assertEquals(
        Map.of("email", List.of("Writer with this E-mail address already exists.")), form.errors());
    assertEquals(Optional.empty(), form.save());
  }

  @Test
  void duplicateCompositeUnique_isAnErrorOnTheForm() {
    Author ann = ann();
    db.save(new Book("Provenance", ann, 400, LocalDateTime.of(2017, 9, 26, 0, 0)));

    BoundModelForm<Book> form =
        ModelForm.of(db, Book.class)
            .fields("title", "author", "genre", "pages")
            .bind(
                params(
                    "title", "Provenance",
                    "author", String.valueOf(ann.getId()),
                    "genre", "NOVEL",
                    "pages", "10"));

    assertEquals(Map.of(), form.errors());
    assertEquals(List.of("Book with this Author and Title already exists."), form.nonFieldErrors());
    assertEquals(Optional.empty(), form.save());
    assertEquals(1, books());
  }

  @Test
  void editing_showsTheInstanceValues_andExcludesItselfFromUniqueChecks() {
    Author ann = ann();
    Tag space = db.save(new Tag("space"));
    Book book = new Book("Provenance", ann, 400, null);
    book.getTags().add(space);
    db.save(book);
    Book detached = db.withSession(s -> s.find(Book.class, book.getId()));

    // snippet:edit
    ModelForm<Book> bookForm = ModelForm.of(db, Book.class).fields("title", "author", "tags");
    BoundForm shown = bookForm.unbound(detached).form(); // draws the book's values
    BoundModelForm<Book> form =
        bookForm.bind(
            params("title", "Provenance", "author", String.valueOf(ann.getId())), detached);
    Book changed = form.save().orElseThrow(); // no tags chosen: the book loses its tag
    // end-snippet

    assertEquals("Provenance", shown.field("title").value());
    assertEquals(String.valueOf(ann.getId()), shown.field("author").value());
    assertEquals(List.of(String.valueOf(space.getId())), shown.field("tags").values());
    assertEquals(book.getId(), changed.getId());
    assertEquals(1, books());
    int tags =
        db.session(() -> db.withSession(s -> s.find(Book.class, book.getId())).getTags().size());
    assertEquals(0, tags);
  }

  @Test
  void editing_updatesTheRowInPlace() {
    Author ann = ann();
    Author loaded = db.withSession(s -> s.find(Author.class, ann.getId()));

    ModelForm.of(db, Author.class)
        .bind(params("name", "Ann L.", "email", "ann@example.com", "born", "1966-03-02"), loaded)
        .save()
        .orElseThrow();

    Author reread = db.withSession(s -> s.find(Author.class, ann.getId()));
    assertEquals("Ann L.", reread.getName());
    long authors =
        db.withSession(
            s ->
                s.createSelectionQuery("select count(*) from Author", Long.class)
                    .getSingleResult());
    assertEquals(1, authors);
  }

  @Test
  void uniqueValueTakenAfterValidation_becomesTheSameFormError() {
    BoundModelForm<Author> form =
        ModelForm.of(db, Author.class).bind(params("name", "Bea", "email", "ann@example.com"));
    assertTrue(form.isValid());
    ann(); // another request takes the address between validation and save

    assertEquals(Optional.empty(), form.save());

    assertFalse(form.isValid());
    assertEquals(
        Map.of("email", List.of("Writer with this E-mail address already exists.")), form.errors());
  }

  @Test
  void save_onAnUnboundForm_failsNamingTheFix() {
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class, () -> ModelForm.of(db, Tag.class).unbound().save());
    assertTrue(error.getMessage().contains("bind(request)"), error.getMessage());
  }
}
