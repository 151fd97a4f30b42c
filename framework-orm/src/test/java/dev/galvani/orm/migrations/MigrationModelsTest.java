package dev.galvani.orm.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.Database;
import dev.galvani.orm.DatabaseConfig;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.migrations.kinds.Gadget;
import dev.galvani.orm.migrations.kinds.Maker;
import dev.galvani.orm.test.TestDatabases;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tables the autodetector derives from entities are the tables Hibernate expects: Hibernate's
 * own schema validation passes on what the initial migration creates, on every vendor.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class MigrationModelsTest {
  static final String[] TABLES = {"mig_kinds_gadget_makers", "mig_kinds_gadget", "mig_kinds_maker"};

  @Parameter Vendor vendor;
  static Database db;

  /** The app owning the test entities. */
  record KindsApp() implements ModelApp {
    @Override
    public String name() {
      return "migkinds";
    }

    @Override
    public List<Class<?>> models() {
      return List.of(Maker.class, Gadget.class);
    }
  }

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db =
        Database.open(
            DatabaseConfig.of("default", TestDatabases.url(vendor)), new KindsApp().models());
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

  private List<Operation> initialOperations() {
    SchemaState wanted = ModelSchema.read(db.hibernateMetadata(), new KindsApp()).state();
    return Autodetector.changes(
            new SchemaState(), wanted, Autodetector.Hints.NONE, Autodetector.Questioner.NEVER)
        .operations();
  }

  @Test
  void initialMigration_createsTheTablesHibernateValidates() throws Exception {
    SchemaState state = new SchemaState();
    for (Operation operation : initialOperations()) {
      SchemaState before = state.copy();
      operation.applyTo(state);
      db.connection(
          connection -> {
            try {
              operation.execute(new MigrationContext(connection, vendor), before);
            } catch (Exception e) {
              throw new IllegalStateException(operation.describe() + ": " + e.getMessage(), e);
            }
            return null;
          });
    }

    db.sessionFactory().getSchemaManager().validate();
  }

  @Test
  void entityColumns_becomeNeutralTypes() {
    String source =
        initialOperations().stream().map(Operation::toSource).collect(Collectors.joining("\n"));

    for (String expected :
        List.of(
            "column(\"id\", bigint()).identity()",
            "column(\"name\", string(120)).notNull()",
            "column(\"description\", text())",
            "column(\"stock\", integer()).notNull()",
            "column(\"rank\", smallint()).notNull()",
            "column(\"discontinued\", bool()).notNull().defaultValue(\"FALSE\")",
            "column(\"weight\", doublePrecision()).notNull()",
            "column(\"price\", decimal(10, 2))",
            "column(\"released\", date())",
            "column(\"opens_at\", time())",
            "column(\"updated\", timestamp())",
            "column(\"created\", timestamptz())",
            "column(\"serial\", uuid())",
            "column(\"thumbnail\", binary(255))",
            "column(\"rest_day\", string(12))",
            "unique(\"name\")",
            "addIndex(\"mig_kinds_gadget\", index(\"released\"))",
            "foreignKey(\"maker_id\").references(\"mig_kinds_maker\", \"id\")"
                + ".onDelete(OnDelete.CASCADE)",
            "primaryKey(\"gadget_id\", \"partners_id\")")) {
      assertTrue(source.contains(expected), expected + " in\n" + source);
    }
    assertEquals(
        List.of(
            "Create table mig_kinds_maker",
            "Create table mig_kinds_gadget",
            "Create table mig_kinds_gadget_makers",
            "Create index mig_kinds_gadget_released_idx on mig_kinds_gadget",
            "Add constraint mig_kinds_gadget_maker_id_fk to mig_kinds_gadget",
            "Add constraint mig_kinds_gadget_makers_partners_id_fk to mig_kinds_gadget_makers",
            "Add constraint mig_kinds_gadget_makers_gadget_id_fk to mig_kinds_gadget_makers"),
        initialOperations().stream().map(Operation::describe).toList());
  }
}
