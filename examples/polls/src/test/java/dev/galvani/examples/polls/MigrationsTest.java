package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The polls app's migrations match its models and apply from scratch, as CI should check. */
class MigrationsTest {

  private static int run(List<String> args, ByteArrayOutputStream out) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return Galvani.execute(
        TestSites.settings(false, "h2:mem:polls-" + UUID.randomUUID()), args, print, print);
  }

  @Test
  void makemigrationsCheck_findsNoModelChangeWithoutAMigration() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(List.of("makemigrations", "--check"), out), out.toString());
    assertTrue(out.toString().contains("No changes detected"), out.toString());
  }

  @Test
  void migrate_appliesEveryMigrationOnAnEmptyDatabase() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, run(List.of("migrate"), out), out.toString());
    assertTrue(out.toString().contains("Applying polls.V0001_Initial... OK"), out.toString());
    assertTrue(
        out.toString().contains("Applying polls.V0002_SampleQuestions... OK"), out.toString());
  }
}
