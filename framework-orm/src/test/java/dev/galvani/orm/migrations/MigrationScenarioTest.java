package dev.galvani.orm.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.orm.Database;
import dev.galvani.orm.DatabaseConfig;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.migrations.scenario.ScenarioApp;
import dev.galvani.orm.migrations.scenario.v1.Author;
import dev.galvani.orm.migrations.scenario.v1.Book;
import dev.galvani.orm.migrations.scenario.v2.Review;
import dev.galvani.orm.migrations.scenario.v2.Strict;
import dev.galvani.orm.test.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole workflow through the commands, as a developer runs it: makemigrations writes Java
 * source, the build compiles it, migrate applies it, the models change, and so on, back and forth.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class MigrationScenarioTest {
  static final List<Class<?>> V1 = List.of(Author.class, Book.class);
  static final List<Class<?>> V2 =
      List.of(
          dev.galvani.orm.migrations.scenario.v2.Author.class,
          dev.galvani.orm.migrations.scenario.v2.Book.class,
          Review.class);
  static final String[] TABLES = {
    "mig_sc_review", "mig_sc_book", "mig_sc_author", "flyway_schema_history_migsc"
  };

  @Parameter Vendor vendor;
  static String url;
  static Database db;

  @TempDir Path work;
  private Path sources;
  private int compilations;
  private ClassLoader migrations = getClass().getClassLoader();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    url = TestDatabases.url(vendor);
    db = Database.open(DatabaseConfig.of("default", url), List.of());
  }

  @AfterParameterizedClassInvocation
  static void close() {
    db.close();
  }

  @BeforeEach
  @AfterEach
  void dropTables() {
    MigrationSql.drop(db, TABLES);
  }

  @BeforeEach
  void sourceFolder() {
    sources = work.resolve("src/main/java");
  }

  private Settings settings(List<Class<?>> models) {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("migration-test-secret-key-0123456789-abcdefghijklmnop"))
        .apps(new OrmApp(), new ScenarioApp(models))
        .set(OrmSettings.KEY, OrmSettings.of(url));
    return settings;
  }

  /** Runs a command as {@code java -jar site.jar ...} would; returns its exit status. */
  private int run(List<Class<?>> models, String... args) {
    out.reset();
    err.reset();
    return CompiledMigrations.with(
        migrations,
        () ->
            Galvani.execute(
                settings(models),
                Arrays.asList(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** What the build does between two commands: compile the written migrations. */
  private void build() {
    Path classes = work.resolve("classes" + ++compilations);
    CompiledMigrations.compile(sources, classes);
    migrations = CompiledMigrations.loader(classes);
  }

  private int makemigrations(List<Class<?>> models, String... args) {
    List<String> all =
        new ArrayList<>(List.of("makemigrations", "--source-root", sources.toString()));
    all.addAll(List.of(args));
    return run(models, all.toArray(String[]::new));
  }

  private void sql(String statement) {
    MigrationSql.execute(db, statement);
  }

  private String query(String query) {
    return MigrationSql.column(db, query);
  }

  private List<String> writtenFiles() throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> file.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void modelsChangeTwice_migrationsFollow_rowsSurvive_andRollBackAndForth() throws IOException {
    assertEquals(0, makemigrations(V1), err());
    assertTrue(out().contains("Migrations for 'migsc':"), out());
    assertTrue(out().contains("    - Create table mig_sc_book"), out());
    assertTrue(
        out().contains("    - Add constraint mig_sc_book_author_id_fk to mig_sc_book"), out());
    assertEquals(List.of("V0001_Initial.java"), writtenFiles());
    build();

    assertEquals(0, run(V1, "migrate"), err());
    assertTrue(
        out().matches("(?s)Applying migsc\\.V0001_Initial\\.\\.\\. OK \\(\\d+ ms\\)\n"), out());
    sql("insert into mig_sc_author (id, name) values (1, 'Herbert')");
    sql("insert into mig_sc_book (id, title, isbn, author_id) values (1, 'Dune', '0441013597', 1)");
    assertEquals(0, makemigrations(V1, "--check"), out());
    assertEquals("No changes detected\n", out());

    // the models change: without a hint, the rename of title is only pointed out
    assertEquals(1, makemigrations(V2, "--check"), out());
    assertTrue(
        err().contains("makemigrations: cannot add mig_sc_book.name: it is NOT NULL"), err());
    assertTrue(
        err()
            .contains(
                "Note: mig_sc_book.title is removed and mig_sc_book.name added with the same"
                    + " definition; if it was renamed, run makemigrations again with --rename"
                    + " mig_sc_book.title=name"),
        err());
    assertEquals(List.of("V0001_Initial.java"), writtenFiles(), "--check writes nothing");

    assertEquals(0, makemigrations(V2, "--rename", "mig_sc_book.title=name"), err());
    assertTrue(out().contains("    - Rename field mig_sc_book.title to name"), out());
    assertTrue(out().contains("    - Remove field isbn from mig_sc_book"), out());
    assertTrue(out().contains("    - Add field pages to mig_sc_book"), out());
    assertTrue(out().contains("    - Create table mig_sc_review"), out());
    assertEquals(List.of("V0001_Initial.java", "V0002_Auto.java"), writtenFiles());
    build();

    assertEquals(0, run(V2, "migrate"), err());
    assertTrue(out().startsWith("Applying migsc.V0002_Auto... OK ("), out());
    assertEquals("Dune", query("select name from mig_sc_book"));
    assertEquals("0", query("select pages from mig_sc_book"));
    assertThrows(
        RuntimeException.class,
        () -> sql("insert into mig_sc_book (name, pages, author_id) values ('Dune', 1, 1)"),
        "the composite unique constraint on (author_id, name) holds");
    sql("insert into mig_sc_review (book_id, stars) values (1, 5)");
    assertEquals(0, makemigrations(V2, "--check"), out());

    assertEquals(0, run(V2, "showmigrations"), err());
    assertEquals("migsc\n [X] V0001_Initial\n [X] V0002_Auto\n", out());

    assertEquals(0, run(V2, "migrate", "migsc", "V0001_Initial"), err());
    assertTrue(out().startsWith("Unapplying migsc.V0002_Auto... OK ("), out());
    assertEquals("Dune", query("select title from mig_sc_book"), "the rename is undone");
    assertEquals("null", query("select isbn from mig_sc_book"), "the column is back, empty");
    assertEquals(0, run(V2, "showmigrations", "migsc"), err());
    assertEquals("migsc\n [X] V0001_Initial\n [ ] V0002_Auto\n", out());

    assertEquals(0, run(V2, "migrate"), err());
    assertTrue(out().startsWith("Applying migsc.V0002_Auto... OK ("), out());
    assertEquals("Dune", query("select name from mig_sc_book"));

    assertEquals(0, run(V2, "migrate", "migsc", "zero"), err());
    assertEquals(
        List.of("Unapplying migsc.V0002_Auto... OK", "Unapplying migsc.V0001_Initial... OK"),
        out().lines().map(line -> line.replaceAll(" \\(\\d+ ms\\)", "")).toList());
  }

  @Test
  void generatedMigration_isReadableJavaWithStaticFactories() throws IOException {
    assertEquals(0, makemigrations(V1, "--name", "Start"), err());
    String source =
        Files.readString(
            sources.resolve("dev/galvani/orm/migrations/scenario/generated/V0001_Start.java"));
    assertTrue(
        source.startsWith("package dev.galvani.orm.migrations.scenario.generated;\n"), source);
    assertTrue(
        source.contains("import static dev.galvani.orm.migrations.Operations.createModel;\n"),
        source);
    assertTrue(source.contains("public final class V0001_Start extends Migration {"), source);
    assertTrue(source.contains("            column(\"title\", string(200)).notNull(),\n"), source);
    assertTrue(source.contains("            column(\"id\", bigint()).identity(),\n"), source);
    assertTrue(
        source.contains(
            "        addConstraint(\"mig_sc_book\", foreignKey(\"author_id\").references(\"mig_sc_author\", \"id\")));\n"),
        source);
  }

  @Test
  void notNullFieldWithoutDefault_isRefusedNamingTheFixes() {
    assertEquals(0, makemigrations(List.of(Author.class)), err());
    build();

    assertEquals(1, makemigrations(List.of(Strict.class)), out());

    assertTrue(
        err()
            .contains(
                "makemigrations: cannot add mig_sc_author.country: it is NOT NULL without a"
                    + " default"),
        err());
    assertTrue(err().contains("@ColumnDefault(\"...\"), make it nullable, or run"), err());
    assertTrue(err().contains("--default mig_sc_author.country=VALUE"), err());
  }

  @Test
  void notNullFieldWithADefaultHint_fillsTheExistingRows() throws IOException {
    assertEquals(0, makemigrations(List.of(Author.class)), err());
    build();
    assertEquals(0, run(List.of(Author.class), "migrate"), err());
    sql("insert into mig_sc_author (name) values ('Le Guin')");

    assertEquals(
        0, makemigrations(List.of(Strict.class), "--default", "mig_sc_author.country=US"), err());
    build();
    assertEquals(0, run(List.of(Strict.class), "migrate"), err());

    assertEquals("US", query("select country from mig_sc_author"));
    assertEquals(0, makemigrations(List.of(Strict.class), "--check"), out());
  }

  @Test
  void sqlmigrate_printsTheVendorsSqlWithoutRunningIt() {
    assertEquals(0, makemigrations(V1), err());
    build();

    assertEquals(0, run(V1, "sqlmigrate", "migsc", "V0001_Initial"), err());

    String identity =
        vendor == Vendor.MARIADB
            ? "id BIGINT AUTO_INCREMENT NOT NULL"
            : "id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL";
    assertTrue(
        out()
            .contains("-- Create table mig_sc_author\nCREATE TABLE mig_sc_author (\n  " + identity),
        out());
    assertTrue(
        out()
            .contains(
                "ALTER TABLE mig_sc_book ADD CONSTRAINT mig_sc_book_author_id_fk FOREIGN KEY"
                    + " (author_id) REFERENCES mig_sc_author (id);"),
        out());
    assertEquals(0, run(V1, "showmigrations"), err());
    assertEquals("migsc\n [ ] V0001_Initial\n", out(), "nothing ran");
  }

  @Test
  void unknownAppOrMigration_exits2ListingTheValidNames() {
    assertEquals(0, makemigrations(V1), err());
    build();

    assertEquals(2, run(V1, "migrate", "polls"), err());
    assertEquals(
        "migrate: no app named 'polls' has models; the apps with models are [migsc]\n", err());
    assertEquals(2, run(V1, "sqlmigrate", "migsc", "V0009_Nope"), err());
    assertEquals(
        "sqlmigrate: the app 'migsc' has no migration V0009_Nope; its migrations are"
            + " [V0001_Initial] (or zero)\n",
        err());
    assertEquals(2, run(V1, "makemigrations", "polls"), err());
    assertTrue(err().contains("the apps with models are [migsc]"), err());
    assertEquals(2, run(V1, "showmigrations", "polls"), err());
  }

  @Test
  void editedAppliedMigration_isReportedByFlywaysChecksum() throws IOException {
    assertEquals(0, makemigrations(V1), err());
    build();
    assertEquals(0, run(V1, "migrate"), err());
    Path written =
        sources.resolve("dev/galvani/orm/migrations/scenario/generated/V0001_Initial.java");
    Files.writeString(written, Files.readString(written).replace("string(200)", "string(250)"));
    build();

    assertEquals(1, run(V1, "migrate"), out());

    assertTrue(err().contains("migrate: migrating 'migsc' failed:"), err());
    assertTrue(err().contains("checksum mismatch"), err());
  }

  @Test
  void irreversibleMigration_stopsTheRollbackNamingTheOperation() throws IOException {
    assertEquals(0, makemigrations(V1), err());
    Path folder = sources.resolve("dev/galvani/orm/migrations/scenario/generated");
    Files.writeString(
        folder.resolve("V0002_Backfill.java"),
        "package dev.galvani.orm.migrations.scenario.generated;\n"
            + "import static dev.galvani.orm.migrations.Operations.runSql;\n"
            + "import dev.galvani.orm.migrations.Migration;\n"
            + "import dev.galvani.orm.migrations.Operation;\n"
            + "import java.util.List;\n"
            + "public final class V0002_Backfill extends Migration {\n"
            + "  @Override public List<Operation> operations() {\n"
            + "    return List.of(runSql(\"update mig_sc_book set isbn = 'none' where isbn is null\"));\n"
            + "  }\n}\n");
    build();
    assertEquals(0, run(V1, "migrate"), err());

    assertEquals(1, run(V1, "migrate", "migsc", "V0001_Initial"), out());

    assertEquals(
        "migrate: migsc.V0002_Backfill cannot be unapplied: its operation 'Run SQL' is"
            + " irreversible; give it a reverse (runSql with reverse SQL, runJava with a backward"
            + " part) or migrate to a later target\n",
        err());
    assertFalse(out().contains("Unapplying"), out());
  }
}
