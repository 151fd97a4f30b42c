package dev.galvani.orm;

import dev.galvani.orm.library.Author;
import dev.galvani.orm.library.Book;
import dev.galvani.orm.library.Tag;
import java.util.List;

/** The test library as an installed app. */
// snippet:app
final class LibraryApp implements ModelApp {
  @Override
  public String name() {
    return "library";
  }

  @Override
  public List<Class<?>> models() {
    return List.of(Author.class, Book.class, Tag.class);
  }
}
// end-snippet
