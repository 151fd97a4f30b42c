package dev.galvani.examples.polls;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.staticfiles.StaticFiles;
import dev.galvani.core.test.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a polls site for one test, from its own store and an explicit DEBUG value. With DEBUG off
 * the site serves static files the production way, from a STATIC_ROOT that {@code collectstatic}
 * filled once for the whole test run.
 */
final class TestSites {
  private static final Path STATIC_ROOT = collectStatic(Path.of("target", "test-staticfiles"));

  private TestSites() {}

  // snippet:test-sites
  static PollsSettings settings(QuestionStore store, boolean debug) {
    PollsSettings settings =
        new PollsSettings(new Env(Map.of("DEBUG", Boolean.toString(debug)), Map.of()), store);
    settings.staticRoot(STATIC_ROOT);
    return settings;
  }

  /** A client for a production-like site (DEBUG off) serving this store. */
  static TestClient client(QuestionStore store) {
    return client(store, false);
  }

  static TestClient client(QuestionStore store, boolean debug) {
    return new TestClient(new Galvani(settings(store, debug)));
  }

  // end-snippet

  // snippet:collect-static
  private static Path collectStatic(Path root) {
    try {
      new StaticFiles(new Settings(new Env(Map.of(), Map.of()))).collect(root);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("collectstatic into " + root + " failed", e);
    }
  }
  // end-snippet
}
