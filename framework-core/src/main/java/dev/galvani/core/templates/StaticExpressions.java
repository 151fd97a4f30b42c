package dev.galvani.core.templates;

import dev.galvani.core.Galvani;

/**
 * The {@code #static} expression object in templates: URLs of static files, content-hashed in
 * production after {@code collectstatic}.
 *
 * <pre>{@code
 * <link rel="stylesheet" th:href="${#static.url('polls/style.css')}">
 * }</pre>
 */
public final class StaticExpressions {
  private final Galvani galvani;

  StaticExpressions(Galvani galvani) {
    this.galvani = galvani;
  }

  public String url(String path) {
    return galvani.staticFiles().url(path);
  }
}
