package dev.galvani.core.templates;

import dev.galvani.core.http.Request;
import dev.galvani.core.security.Csrf;

/**
 * The {@code csrf} template variable, for JavaScript that sends the token in a header: {@code <meta
 * name="csrf-token" th:content="${csrf.token}">}. Forms get their field automatically.
 */
public final class CsrfContext {
  private final Request request;

  CsrfContext(Request request) {
    this.request = request;
  }

  /** A fresh masked token (each call differs; all validate). */
  public String getToken() {
    return Csrf.token(request);
  }

  public String getFieldName() {
    return Csrf.FIELD_NAME;
  }

  public String getHeaderName() {
    return Csrf.HEADER_NAME;
  }
}
