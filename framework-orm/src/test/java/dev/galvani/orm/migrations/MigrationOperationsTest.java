package dev.galvani.orm.migrations;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.addField;
import static dev.galvani.orm.migrations.Operations.addIndex;
import static dev.galvani.orm.migrations.Operations.alterField;
import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.binary;
import static dev.galvani.orm.migrations.Operations.bool;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.date;
import static dev.galvani.orm.migrations.Operations.decimal;
import static dev.galvani.orm.migrations.Operations.deleteModel;
import static dev.galvani.orm.migrations.Operations.doublePrecision;
import static dev.galvani.orm.migrations.Operations.foreignKey;
import static dev.galvani.orm.migrations.Operations.index;
import static dev.galvani.orm.migrations.Operations.integer;
import static dev.galvani.orm.migrations.Operations.json;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.removeConstraint;
import static dev.galvani.orm.migrations.Operations.removeField;
import static dev.galvani.orm.migrations.Operations.removeIndex;
import static dev.galvani.orm.migrations.Operations.renameField;
import static dev.galvani.orm.migrations.Operations.renameModel;
import static dev.galvani.orm.migrations.Operations.runJava;
import static dev.galvani.orm.migrations.Operations.runSql;
import static dev.galvani.orm.migrations.Operations.smallint;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.text;
import static dev.galvani.orm.migrations.Operations.time;
import static dev.galvani.orm.migrations.Operations.timestamp;
import static dev.galvani.orm.migrations.Operations.timestamptz;
import static dev.galvani.orm.migrations.Operations.unique;
import static dev.galvani.orm.migrations.Operations.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.orm.Database;
import dev.galvani.orm.DatabaseConfig;
import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Each operation renders its vendor's SQL, changes the database forward and back. */
@ParameterizedClass(name = "{0}")
@EnumSource(Vendor.class)
class MigrationOperationsTest {
  static final String[] TABLES = {
    "mig_ops_child", "mig_ops_parent", "mig_ops_renamed", "mig_ops_kinds"
  };

  @Parameter Vendor vendor;
  static Database db;

  /** The operations applied so far, with the state before each, for undoing them. */
  private final List<Operation> applied = new ArrayList<>();

  private final List<SchemaState> befores = new ArrayList<>();
  private SchemaState state = new SchemaState();

  @BeforeParameterizedClassInvocation
  static void open(Vendor vendor) {
    db = Database.open(DatabaseConfig.of("default", TestDatabases.url(vendor)), List.of());
    MigrationSql.drop(db, TABLES);
  }

  @AfterParameterizedClassInvocation
  static void close() {
    db.close();
  }

  @AfterEach
  void undoAndDrop() {
    try {
      undoEverything();
    } finally {
      MigrationSql.drop(db, TABLES);
    }
  }

  void undoEverything() {
    while (!applied.isEmpty()) {
      int last = applied.size() - 1;
      SchemaState before = befores.get(last);
      SchemaState after = before.copy();
      applied.get(last).applyTo(after);
      applied.get(last).reverse(before).ifPresent(reverse -> run(reverse, after));
      applied.remove(last);
      befores.remove(last);
    }
  }

  private void apply(Operation operation) {
    SchemaState before = state.copy();
    operation.applyTo(state);
    run(operation, before);
    applied.add(operation);
    befores.add(before);
  }

  private void run(Operation operation, SchemaState before) {
    db.connection(
        connection -> {
          try {
            operation.execute(new MigrationContext(connection, vendor), before);
          } catch (SQLException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return null;
        });
  }

  private Operation parent() {
    return createModel(
        "mig_ops_parent",
        List.of(column("id", bigint()).identity(), column("name", string(50)).notNull()),
        List.of(primaryKey("id"), unique("name")));
  }

  private Operation child() {
    return createModel(
        "mig_ops_child",
        List.of(
            column("id", bigint()).identity(),
            column("parent_id", bigint()).notNull(),
            column("title", string(100)).notNull(),
            column("rank", integer()).notNull().defaultValue("0")),
        List.of(primaryKey("id")));
  }

  private void sql(String statement) {
    MigrationSql.execute(db, statement);
  }

  private long count(String query) {
    return db.connection(
        connection -> {
          try (var each = connection.createStatement();
              var rows = each.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private boolean tableExists(String table) {
    return count(
            "select count(*) from information_schema.tables where lower(table_name) = '"
                + table
                + "'"
                + (vendor == Vendor.MARIADB ? " and table_schema = database()" : ""))
        > 0;
  }

  @Test
  void createModel_rendersTheVendorsIdentityColumn() {
    String sql = String.join("\n", parent().sql(vendor, new SchemaState()));
    String identity =
        vendor == Vendor.MARIADB
            ? "id BIGINT AUTO_INCREMENT NOT NULL"
            : "id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL";
    assertTrue(sql.contains(identity), sql);
    assertTrue(sql.contains("CONSTRAINT mig_ops_parent_name_uniq UNIQUE (name)"), sql);
    apply(parent());
    sql("insert into mig_ops_parent (name) values ('a')");
    assertEquals(1, count("select max(id) from mig_ops_parent"));
  }

  @Test
  void everyNeutralType_createsATableThatTakesValues() {
    apply(
        createModel(
            "mig_ops_kinds",
            List.of(
                column("id", bigint()).identity(),
                column("a_string", string(10)),
                column("a_text", text()),
                column("a_small", smallint()),
                column("a_decimal", decimal(8, 2)),
                column("a_double", doublePrecision()),
                column("a_bool", bool()).notNull().defaultValue("FALSE"),
                column("a_date", date()),
                column("a_time", time()),
                column("a_timestamp", timestamp()),
                column("a_instant", timestamptz()),
                column("a_uuid", uuid()),
                column("a_json", json()),
                column("a_bytes", binary(20)),
                column("a_blob", binary())),
            List.of(primaryKey("id"))));
    sql(
        "insert into mig_ops_kinds (a_string, a_text, a_small, a_decimal, a_double, a_date,"
            + " a_time, a_timestamp) values ('x', 'long', 3, 12.5, 1.5, DATE '2024-01-02',"
            + " TIME '10:11:12', TIMESTAMP '2024-01-02 10:11:12')");
    assertEquals(0, count("select count(*) from mig_ops_kinds where a_bool = TRUE"));
  }

  @Test
  void addFieldWithOneOffDefault_fillsExistingRowsAndKeepsNoDefault() {
    apply(parent());
    sql("insert into mig_ops_parent (name) values ('a')");
    apply(addField("mig_ops_parent", column("code", string(10)).notNull(), "'none'"));
    assertEquals(1, count("select count(*) from mig_ops_parent where code = 'none'"));
    assertThrows(
        RuntimeException.class, () -> sql("insert into mig_ops_parent (name) values ('b')"));
  }

  @Test
  void alterField_changesLengthNullabilityAndDefault() {
    apply(parent());
    apply(alterField("mig_ops_parent", column("name", string(200)).defaultValue("'anon'")));
    sql("insert into mig_ops_parent (id) values (5)");
    sql("insert into mig_ops_parent (name) values ('" + "x".repeat(150) + "')");
    assertEquals(1, count("select count(*) from mig_ops_parent where name = 'anon'"));
    sql("update mig_ops_parent set name = null where id = 5");
    assertEquals(1, count("select count(*) from mig_ops_parent where name is null"));
    sql("delete from mig_ops_parent"); // the reverse shortens the column again
  }

  @Test
  void renameFieldAndModel_keepTheRows() {
    apply(parent());
    sql("insert into mig_ops_parent (name) values ('kept')");
    apply(renameField("mig_ops_parent", "name", "label"));
    apply(renameModel("mig_ops_parent", "mig_ops_renamed"));
    assertEquals(1, count("select count(*) from mig_ops_renamed where label = 'kept'"));
    undoEverything();
    assertFalse(tableExists("mig_ops_renamed"));
    assertFalse(tableExists("mig_ops_parent"));
  }

  @Test
  void foreignKeyWithCascade_deletesTheChildRows_andIsDroppedByName() {
    apply(parent());
    apply(child());
    apply(
        addConstraint(
            "mig_ops_child",
            foreignKey("parent_id").references("mig_ops_parent", "id").onDelete(OnDelete.CASCADE)));
    apply(addConstraint("mig_ops_child", unique("parent_id", "title")));
    apply(addIndex("mig_ops_child", index("title")));
    sql("insert into mig_ops_parent (id, name) values (1, 'p')");
    sql("insert into mig_ops_child (parent_id, title) values (1, 'a')");
    assertThrows(
        RuntimeException.class,
        () -> sql("insert into mig_ops_child (parent_id, title) values (1, 'a')"),
        "the composite unique constraint holds");
    assertThrows(
        RuntimeException.class,
        () -> sql("insert into mig_ops_child (parent_id, title) values (2, 'b')"),
        "the foreign key holds");
    sql("delete from mig_ops_parent where id = 1");
    assertEquals(0, count("select count(*) from mig_ops_child"));

    apply(removeIndex("mig_ops_child", "mig_ops_child_title_idx"));
    apply(removeConstraint("mig_ops_child", "mig_ops_child_parent_id_title_uniq"));
    apply(removeConstraint("mig_ops_child", "mig_ops_child_parent_id_fk"));
    sql("insert into mig_ops_child (parent_id, title) values (2, 'b')");
    sql("insert into mig_ops_child (parent_id, title) values (2, 'b')");
    sql("delete from mig_ops_child");
  }

  @Test
  void removeFieldAndDeleteModel_areReversedFromTheState() {
    apply(parent());
    apply(child());
    apply(removeField("mig_ops_child", "rank"));
    apply(deleteModel("mig_ops_child"));
    assertFalse(tableExists("mig_ops_child"));
    SchemaState before = befores.get(befores.size() - 1);
    Operation recreate = applied.get(applied.size() - 1).reverse(before).orElseThrow();
    assertEquals("Create table mig_ops_child", recreate.describe());
    undoEverything();
    assertFalse(tableExists("mig_ops_parent"));
  }

  @Test
  void runSqlPerVendor_andRunJava_runForwardAndBack() {
    apply(parent());
    apply(
        runSql(
            each -> "insert into mig_ops_parent (name) values ('" + each.id() + "')",
            each -> "delete from mig_ops_parent where name = '" + each.id() + "'"));
    assertEquals(
        1,
        count(
            "select count(*) from mig_ops_parent where name = '"
                + vendor.id().toLowerCase(Locale.ROOT)
                + "'"));
    apply(
        runJava(
            context -> context.execute("update mig_ops_parent set name = ?", "java"),
            context -> context.execute("update mig_ops_parent set name = ?", vendor.id())));
    assertEquals(1, count("select count(*) from mig_ops_parent where name = 'java'"));
    SchemaState before = befores.get(befores.size() - 1);
    assertTrue(runSql("select 1").reverse(before).isEmpty(), "runSql without reverse SQL");
  }

  @Test
  void removeField_ofAConstrainedColumn_failsNamingTheConstraint() {
    apply(parent());
    MigrationError error =
        assertThrows(
            MigrationError.class,
            () -> removeField("mig_ops_parent", "name").applyTo(state.copy()));
    assertEquals(
        "the column mig_ops_parent.name is part of the constraint mig_ops_parent_name_uniq;"
            + " remove the constraint first",
        error.getMessage());
  }
}
