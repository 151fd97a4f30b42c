package dev.galvani.examples.polls.migrations;

import static dev.galvani.orm.migrations.Operations.runJava;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.MigrationContext;
import dev.galvani.orm.migrations.Operation;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

// snippet:sample-questions
/** A data migration: the questions a new site starts with, so its first page is not empty. */
public final class V0002_SampleQuestions extends Migration {
  private static final Map<String, List<String>> QUESTIONS =
      Map.of(
          "What's new?", List.of("Not much", "The sky", "Just hacking again"),
          "Which Java release do you deploy on?", List.of("Java 17", "Java 21", "Java 25"),
          "Tabs or spaces?", List.of("Tabs", "Spaces"));
  private static final List<String> ORDER =
      List.of("What's new?", "Which Java release do you deploy on?", "Tabs or spaces?");

  @Override
  public List<Operation> operations() {
    return List.of(runJava(V0002_SampleQuestions::add, V0002_SampleQuestions::remove));
  }

  private static void add(MigrationContext context) throws SQLException {
    Instant now = Instant.now();
    for (int i = 0; i < ORDER.size(); i++) {
      String text = ORDER.get(i);
      Instant published = now.minus(Duration.ofDays(ORDER.size() - i));
      context.execute(
          "insert into polls_question (text, pub_date) values (?, ?)",
          text,
          Timestamp.from(published));
      for (String choice : QUESTIONS.get(text)) {
        context.execute(
            "insert into polls_choice (question_id, text, votes)"
                + " select id, ?, 0 from polls_question where text = ?",
            choice,
            text);
      }
    }
  }

  private static void remove(MigrationContext context) throws SQLException {
    for (String text : ORDER) {
      context.execute(
          "delete from polls_choice where question_id in"
              + " (select id from polls_question where text = ?)",
          text);
      context.execute("delete from polls_question where text = ?", text);
    }
  }
}
// end-snippet
