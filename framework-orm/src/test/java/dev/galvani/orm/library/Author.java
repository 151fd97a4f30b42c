package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import dev.galvani.orm.Verbose;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "orm_author")
@Verbose(value = "writer", plural = "writers")
public class Author extends Model {
  @Column(length = 100, nullable = false)
  private String name;

  @Column(length = 200, unique = true)
  @Verbose(value = "e-mail address", help = "Where readers write to.")
  private String email;

  private LocalDate born;

  @OneToMany(mappedBy = "author")
  private List<Book> books = new ArrayList<>();

  protected Author() {}

  public Author(String name, String email, LocalDate born) {
    this.name = name;
    this.email = email;
    this.born = born;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public LocalDate getBorn() {
    return born;
  }

  public List<Book> getBooks() {
    return books;
  }

  @Override
  public String toString() {
    return name;
  }
}
