package dev.galvani.orm;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Reader;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.util.List;

/** The test library's tables on a real database of each vendor, created fresh per test class. */
public final class LibraryDatabase {
  static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Tag.class);

  /** The library with its readers; drop their tables after, so no foreign key outlives a class. */
  public static final List<Class<?>> WITH_READERS =
      List.of(Author.class, Book.class, Tag.class, Reader.class);

  private LibraryDatabase() {}

  static Database open(Vendor vendor) {
    return open(TestDatabases.url(vendor), MODELS);
  }

  /** The database at {@code url} with the tables of {@code models}, dropped and created afresh. */
  public static Database open(String url, List<Class<?>> models) {
    return open(DatabaseConfig.of("default", url), models);
  }

  /**
   * The database of {@code config} with the tables of {@code models}, dropped and created afresh.
   */
  public static Database open(DatabaseConfig config, List<Class<?>> models) {
    Database database = Database.open(config, models);
    database.sessionFactory().getSchemaManager().drop(true);
    database.sessionFactory().getSchemaManager().create(true);
    return database;
  }

  /** Drops the tables, so no foreign key outlives the test class, and closes the database. */
  public static void dropAndClose(Database database) {
    database.sessionFactory().getSchemaManager().drop(true);
    database.close();
  }

  public static void empty(Database database) {
    database.sessionFactory().getSchemaManager().truncate();
  }
}
