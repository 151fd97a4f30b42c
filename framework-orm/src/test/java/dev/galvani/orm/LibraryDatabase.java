package dev.galvani.orm;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.util.List;

/** The test library's tables on a real database of each vendor, created fresh per test class. */
final class LibraryDatabase {
  static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Tag.class);

  private LibraryDatabase() {}

  static Database open(Vendor vendor) {
    Database database =
        Database.open(DatabaseConfig.of("default", TestDatabases.url(vendor)), MODELS);
    database.sessionFactory().getSchemaManager().drop(true);
    database.sessionFactory().getSchemaManager().create(true);
    return database;
  }

  static void empty(Database database) {
    database.sessionFactory().getSchemaManager().truncate();
  }
}
