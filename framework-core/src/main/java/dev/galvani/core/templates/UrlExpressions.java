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

  // explicit overloads: OGNL does not call Java varargs methods reliably

  /** The URL of a named route without arguments. */
  public String reverse(String name) {
    return galvani.urls().reverse(name);
  }

  /** The URL of a named route with one argument, as {@code UrlResolver.reverse}. */
  public String reverse(String name, Object first) {
    return galvani.urls().reverse(name, first);
  }

  public String reverse(String name, Object first, Object second) {
    return galvani.urls().reverse(name, first, second);
  }

  public String reverse(String name, Object first, Object second, Object third) {
    return galvani.urls().reverse(name, first, second, third);
  }
}
