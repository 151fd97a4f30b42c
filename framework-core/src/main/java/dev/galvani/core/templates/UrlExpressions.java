package dev.galvani.core.templates;

import dev.galvani.core.Galvani;

/**
 * The {@code #urls} expression object in templates.
 *
 * <pre>{@code
 * <a th:href="${#urls.reverse('polls:detail', question.id)}">...</a>
 * }</pre>
 */
public final class UrlExpressions {
  private final Galvani galvani;

  UrlExpressions(Galvani galvani) {
    this.galvani = galvani;
  }

  /** The URL of a named route, as {@code UrlResolver.reverse}. */
  public String reverse(String name, Object... args) {
    return galvani.urls().reverse(name, args);
  }
}
