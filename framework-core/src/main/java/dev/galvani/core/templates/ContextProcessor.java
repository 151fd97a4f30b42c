package dev.galvani.core.templates;

import dev.galvani.core.http.Request;
import java.util.Map;

/**
 * Adds variables to every template rendered for a request (the user, flash messages, the CSRF
 * token). The view's own context wins over a processor's on the same name.
 */
@FunctionalInterface
public interface ContextProcessor {
  Map<String, Object> contribute(Request request);
}
