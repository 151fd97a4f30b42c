package dev.galvani.examples.polls;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.staticfiles.StaticFiles;
import dev.galvani.core.test.TestClient;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import dev.galvani.orm.migrations.Migrator;
import dev.galvani.orm.migrations.PostMigrate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A polls site for one test: its own in-memory H2 database, migrated (with the sample questions of
 * {@code V0002_SampleQuestions}), and an explicit DEBUG value. With DEBUG off the site serves
 * static files the production way, from a STATIC_ROOT that {@code collectstatic} filled once for
 * the whole test run.
 */
final class TestSites implements AutoCloseable {
  private static final Path STATIC_ROOT = collectStatic(Path.of("target", "test-staticfiles"));

  final Galvani galvani;
  final TestClient client;
  final Database db;

  private TestSites(Galvani galvani) {
    this.galvani = galvani;
    this.client = new TestClient(galvani);
    this.db = Orm.database(galvani);
  }

  // snippet:test-sites
  static PollsSettings settings(boolean debug, String databaseUrl) {
    PollsSettings settings =
        new PollsSettings(
            new Env(
                Map.of("DEBUG", Boolean.toString(debug), "DATABASE_URL", databaseUrl), Map.of()));
    settings.staticRoot(STATIC_ROOT);
    return settings;
  }

  /** Settings for a live server, on an in-memory database migrated beforehand. */
  static PollsSettings migratedSettings() {
    String url = "h2:mem:polls-" + UUID.randomUUID();
    try (Galvani migrating = new Galvani(settings(false, url))) {
      migrate(migrating);
    }
    return settings(false, url);
  }

  /** A production-like site (DEBUG off) with the sample questions. */
  static TestSites withSampleQuestions() {
    return site(false);
  }

  static TestSites site(boolean debug) {
    Galvani galvani = new Galvani(settings(debug, "h2:mem:polls-" + UUID.randomUUID()));
    migrate(galvani);
    return new TestSites(galvani);
  }

  /** A site without any question. */
  static TestSites empty() {
    TestSites site = site(false);
    site.db.objects(Question.class).delete();
    return site;
  }

  /** Adds a question with its choices, published at {@code pubDate}. */
  Question add(String text, Instant pubDate, List<String> choices) {
    return db.atomic(
        () -> {
          Question question = db.save(new Question(text, pubDate));
          choices.forEach(choice -> db.save(new Choice(question, choice)));
          return question(question.getId());
        });
  }

  // end-snippet

  /** A question as stored now, with its choices loaded. */
  Question question(long id) {
    return db.objects(Question.class).prefetchRelated("choices").get("id", id);
  }

  /** Migrates the database of a site another part of the test built (a live server's). */
  static void migrate(Galvani galvani) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Migrator.of(galvani, quiet).migrate();
    PostMigrate.runAll(galvani, quiet); // the permissions of every model, as migrate creates them
  }

  @Override
  public void close() {
    galvani.close();
  }

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
