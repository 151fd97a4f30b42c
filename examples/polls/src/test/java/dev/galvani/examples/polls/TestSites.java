package dev.galvani.examples.polls;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import java.util.Map;

/** Builds a polls site for one test, from its own store and an explicit DEBUG value. */
final class TestSites {
  private TestSites() {}

  static PollsSettings settings(QuestionStore store, boolean debug) {
    return new PollsSettings(new Env(Map.of("DEBUG", Boolean.toString(debug)), Map.of()), store);
  }

  /** A client for a production-like site (DEBUG off) serving this store. */
  static TestClient client(QuestionStore store) {
    return client(store, false);
  }

  static TestClient client(QuestionStore store, boolean debug) {
    return new TestClient(new Galvani(settings(store, debug)));
  }
}
