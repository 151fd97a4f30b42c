package dev.galvani.orm.forms;

import dev.galvani.core.http.Params;
import dev.galvani.orm.Database;
import dev.galvani.orm.DatabaseConfig;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Reader;
import dev.galvani.orm.library.Tag;
import dev.galvani.orm.test.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The library tables, Reader included, on a real database of each vendor. */
final class FormsLibrary {
  static final List<Class<?>> MODELS = List.of(Author.class, Book.class, Tag.class, Reader.class);

  private FormsLibrary() {}

  static Database open(Vendor vendor) {
    Database database =
        Database.open(DatabaseConfig.of("default", TestDatabases.url(vendor)), MODELS);
    database.sessionFactory().getSchemaManager().drop(true);
    database.sessionFactory().getSchemaManager().create(true);
    return database;
  }

  /** Drops the tables, so no foreign key from orm_reader outlives this class's tests. */
  static void close(Database database) {
    database.sessionFactory().getSchemaManager().drop(true);
    database.close();
  }

  static void empty(Database database) {
    database.sessionFactory().getSchemaManager().truncate();
  }

  /** Submitted values: name, value, name, value...; a name may repeat for multiple choices. */
  static Params params(String... namesAndValues) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values
          .computeIfAbsent(namesAndValues[i], name -> new ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    return Params.of(values);
  }
}
