package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

// snippet:entity
@Entity
@Table(
    name = "orm_book",
    uniqueConstraints = @UniqueConstraint(columnNames = {"author_id", "title"}))
public class Book extends Model {
  @Column(length = 200, nullable = false)
  private String title;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Author author;

  @Enumerated(EnumType.STRING)
  @Column(length = 20, nullable = false)
  private Genre genre = Genre.NOVEL;

  @Column(nullable = false)
  private int pages;

  @Column(precision = 8, scale = 2)
  private BigDecimal price;

  private LocalDateTime published;

  @ManyToMany
  @JoinTable(name = "orm_book_tags")
  private Set<Tag> tags = new HashSet<>();

  @Version private int version;

  // end-snippet

  protected Book() {}

  public Book(String title, Author author, int pages, LocalDateTime published) {
    this.title = title;
    this.author = author;
    this.pages = pages;
    this.published = published;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Author getAuthor() {
    return author;
  }

  public Genre getGenre() {
    return genre;
  }

  public void setGenre(Genre genre) {
    this.genre = genre;
  }

  public int getPages() {
    return pages;
  }

  public void setPages(int pages) {
    this.pages = pages;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public LocalDateTime getPublished() {
    return published;
  }

  public Set<Tag> getTags() {
    return tags;
  }

  public int getVersion() {
    return version;
  }
}
