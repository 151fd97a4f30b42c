package dev.galvani.orm.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.Database;
import dev.galvani.orm.DatabaseConfig;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.migrations.orders.OrdersApp;
import dev.galvani.orm.migrations.shop.ShopApp;
import dev.galvani.orm.test.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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

/** The Migrator used from code: hand-written migrations, apps in dependency order, jars. */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class MigratorTest {
  static final String[] TABLES = {
    "mig_ord_line",
    "mig_shop_product",
    "mig_jar_thing",
    "flyway_schema_history_migorders",
    "flyway_schema_history_migshop",
    "flyway_schema_history_migjar"
  };

  @Parameter Vendor vendor;
  static Database db;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = Database.open(DatabaseConfig.of("default", TestDatabases.url(vendor)), List.of());
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

  private Migrator migrator(ModelApp... apps) {
    // snippet:migrator
    Migrator migrator = Migrator.of(db, List.of(apps), new PrintStream(out, true));
    // end-snippet
    return migrator;
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(line -> line.replaceAll(" \\(\\d+ ms\\)", ""))
        .toList();
  }

  private String query(String query) {
    return MigrationSql.column(db, query);
  }

  private void sql(String statement) {
    MigrationSql.execute(db, statement);
  }

  @Test
  void migrate_runsDependenciesOfOtherAppsFirst() {
    migrator(new OrdersApp(), new ShopApp()).migrate();

    assertEquals(
        List.of(
            "Applying migshop.V0001_Initial... OK",
            "Applying migorders.V0001_Initial... OK",
            "Applying migshop.V0002_AddSlug... OK"),
        lines());
  }

  @Test
  void migrateOneApp_appliesOnlyWhatItNeeds() {
    migrator(new ShopApp(), new OrdersApp()).migrate("migorders");

    assertEquals(
        List.of("Applying migshop.V0001_Initial... OK", "Applying migorders.V0001_Initial... OK"),
        lines());
    assertEquals(
        List.of(
            new MigrationStatus("migshop", "V0001_Initial", true),
            new MigrationStatus("migshop", "V0002_AddSlug", false)),
        migrator(new ShopApp(), new OrdersApp()).status("migshop"));
  }

  @Test
  void dataMigration_fillsTheNewColumnFromTheRows() {
    Migrator migrator = migrator(new ShopApp());
    migrator.migrate("migshop", "V0001_Initial");
    sql("insert into mig_shop_product (name, price) values ('Blue Mug', 4.5)");

    migrator.migrate("migshop");

    assertEquals("blue-mug", query("select slug from mig_shop_product"));
    assertThrows(
        RuntimeException.class,
        () -> sql("insert into mig_shop_product (name, slug) values ('Red Mug', 'blue-mug')"));
  }

  @Test
  void rollingBackAnAppAnotherAppNeeds_failsNamingTheDependent() {
    migrator(new ShopApp(), new OrdersApp()).migrate();

    MigrationError error =
        assertThrows(
            MigrationError.class,
            () -> migrator(new ShopApp(), new OrdersApp()).migrate("migshop", Migrator.ZERO));

    assertEquals(
        "migorders.V0001_Initial depends on migshop.V0001_Initial and is applied; migrate"
            + " migorders back before it first",
        error.getMessage());
  }

  @Test
  void rollBack_runsTheReverseOperationsAndForgetsTheMigration() {
    Migrator migrator = migrator(new ShopApp());
    migrator.migrate();
    out.reset();

    migrator.migrate("migshop", "V0001_Initial");

    assertEquals(List.of("Unapplying migshop.V0002_AddSlug... OK"), lines());
    sql("insert into mig_shop_product (name) values ('No slug needed')");
    assertEquals(
        List.of(
            new MigrationStatus("migshop", "V0001_Initial", true),
            new MigrationStatus("migshop", "V0002_AddSlug", false)),
        migrator.status("migshop"));
  }

  @Test
  void sql_rendersEachOperationForTheVendor() {
    List<String> sql = migrator(new ShopApp()).sql("migshop", "V0002_AddSlug", false);

    String alter =
        switch (vendor) {
          case H2 -> "ALTER TABLE mig_shop_product ALTER COLUMN slug SET NOT NULL;";
          case POSTGRESQL -> "ALTER TABLE mig_shop_product ALTER COLUMN slug SET NOT NULL;";
          case MARIADB -> "ALTER TABLE mig_shop_product MODIFY COLUMN slug VARCHAR(100) NOT NULL;";
        };
    assertEquals(
        List.of(
            "-- Add field slug to mig_shop_product",
            "ALTER TABLE mig_shop_product ADD COLUMN slug VARCHAR(100);",
            "-- Run Java code",
            "-- (Java code: no SQL to show)",
            "-- Alter field slug on mig_shop_product",
            alter,
            "-- Add constraint mig_shop_product_slug_uniq to mig_shop_product",
            "ALTER TABLE mig_shop_product ADD CONSTRAINT mig_shop_product_slug_uniq UNIQUE (slug);",
            "-- Run SQL"),
        vendor == Vendor.POSTGRESQL ? sql.subList(0, sql.size() - 1) : sql);
  }

  /** An app whose migrations come from a JAR built by the test. */
  record JarApp() implements ModelApp {
    @Override
    public String name() {
      return "migjar";
    }

    @Override
    public List<Class<?>> models() {
      return List.of();
    }

    @Override
    public String migrationsPackage() {
      return "dev.galvani.orm.migrations.jarred";
    }
  }

  @Test
  void migrationsInAJar_areFoundInNumberOrderAndApplied(@TempDir Path work) throws IOException {
    Path sources = work.resolve("src");
    Path folder = Files.createDirectories(sources.resolve("dev/galvani/orm/migrations/jarred"));
    Files.writeString(
        folder.resolve("V0001_Initial.java"),
        migrationSource(
            "V0001_Initial",
            "createModel(\"mig_jar_thing\", List.of(column(\"id\", bigint()).identity()),"
                + " List.of(primaryKey(\"id\")))"));
    Files.writeString(
        folder.resolve("V0010_AddLabel.java"),
        migrationSource(
            "V0010_AddLabel", "addField(\"mig_jar_thing\", column(\"label\", string(20)))"));
    Files.writeString(
        folder.resolve("V0002_AddCode.java"),
        migrationSource(
            "V0002_AddCode", "addField(\"mig_jar_thing\", column(\"code\", integer()))"));
    Path classes = work.resolve("classes");
    CompiledMigrations.compile(sources, classes);
    Path jar = jar(classes, work.resolve("site.jar"));

    try (var loader = CompiledMigrations.loader(jar)) {
      CompiledMigrations.with(
          loader,
          () -> {
            migrator(new JarApp()).migrate();
            return null;
          });
    }

    assertEquals(
        List.of(
            "Applying migjar.V0001_Initial... OK",
            "Applying migjar.V0002_AddCode... OK",
            "Applying migjar.V0010_AddLabel... OK"),
        lines());
    sql("insert into mig_jar_thing (code, label) values (1, 'from a jar')");
  }

  private static String migrationSource(String name, String operation) {
    return "package dev.galvani.orm.migrations.jarred;\n"
        + "import static dev.galvani.orm.migrations.Operations.*;\n"
        + "import dev.galvani.orm.migrations.*;\n"
        + "import java.util.List;\n"
        + "public final class "
        + name
        + " extends Migration {\n"
        + "  @Override public List<Operation> operations() { return List.of("
        + operation
        + "); }\n"
        + "}\n";
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path each : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(each));
        out.closeEntry();
      }
    }
    assertTrue(Files.size(jar) > 0);
    return jar;
  }
}
