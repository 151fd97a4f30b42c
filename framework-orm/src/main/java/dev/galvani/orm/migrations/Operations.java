package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The factories migrations are written with: operations, columns, types and constraints. Import
 * them statically; {@code makemigrations} writes its migrations this way.
 *
 * <pre>{@code
 * createModel(
 *     "polls_choice",
 *     List.of(
 *         column("id", bigint()).identity(),
 *         column("text", string(200)).notNull(),
 *         column("question_id", bigint()).notNull()),
 *     List.of(primaryKey("id")));
 * addConstraint(
 *     "polls_choice",
 *     foreignKey("question_id").references("polls_question", "id").onDelete(OnDelete.CASCADE));
 * }</pre>
 */
public final class Operations {
  private Operations() {}

  // ---- tables

  /** Creates a table; constraint and index names left empty are derived from the table. */
  public static Operation createModel(
      String table, List<Column> columns, List<Constraint> constraints) {
    return createModel(table, columns, constraints, List.of());
  }

  public static Operation createModel(
      String table, List<Column> columns, List<Constraint> constraints, List<Index> indexes) {
    return new TableOperations.CreateModel(new Table(table, columns, constraints, indexes));
  }

  public static Operation deleteModel(String table) {
    return new TableOperations.DeleteModel(table);
  }

  public static Operation renameModel(String from, String to) {
    return new TableOperations.RenameModel(from, to);
  }

  // ---- columns

  public static Operation addField(String table, Column column) {
    return new FieldOperations.AddField(table, column, Optional.empty());
  }

  /**
   * Adds a column, filling the existing rows with {@code oneOffDefault} (an SQL expression); the
   * column keeps no default afterwards.
   */
  public static Operation addField(String table, Column column, String oneOffDefault) {
    return new FieldOperations.AddField(table, column, Optional.of(oneOffDefault));
  }

  public static Operation removeField(String table, String column) {
    return new FieldOperations.RemoveField(table, column);
  }

  /** Changes the column named like {@code column} to its type, nullability and default. */
  public static Operation alterField(String table, Column column) {
    return new FieldOperations.AlterField(table, column);
  }

  public static Operation renameField(String table, String from, String to) {
    return new FieldOperations.RenameField(table, from, to);
  }

  // ---- indexes and constraints

  public static Operation addIndex(String table, Index index) {
    return new KeyOperations.AddIndex(table, index);
  }

  public static Operation removeIndex(String table, String name) {
    return new KeyOperations.RemoveIndex(table, name);
  }

  public static Operation addConstraint(String table, Constraint constraint) {
    return new KeyOperations.AddConstraint(table, constraint);
  }

  public static Operation removeConstraint(String table, String name) {
    return new KeyOperations.RemoveConstraint(table, name);
  }

  // ---- hand-written steps

  /** One SQL statement for every vendor; irreversible. */
  public static Operation runSql(String sql) {
    return new CodeOperations.RunSql(vendor -> sql, Optional.empty());
  }

  /** One SQL statement for every vendor, and the statement that undoes it. */
  public static Operation runSql(String sql, String reverseSql) {
    return new CodeOperations.RunSql(vendor -> sql, Optional.of(vendor -> reverseSql));
  }

  /** A statement per vendor (blank: nothing to do there); irreversible. */
  public static Operation runSql(Function<Vendor, String> sql) {
    return new CodeOperations.RunSql(sql, Optional.empty());
  }

  /** A statement per vendor, and per vendor the statement that undoes it. */
  public static Operation runSql(Function<Vendor, String> sql, Function<Vendor, String> reverse) {
    return new CodeOperations.RunSql(sql, Optional.of(reverse));
  }

  /** A data migration; irreversible. */
  public static Operation runJava(MigrationCode forward) {
    return new CodeOperations.RunJava("", forward, Optional.empty());
  }

  /** A data migration and the code that undoes it ({@code context -> {}} when nothing need be). */
  public static Operation runJava(MigrationCode forward, MigrationCode backward) {
    return new CodeOperations.RunJava("", forward, Optional.of(backward));
  }

  // ---- columns, types, constraints

  /** A nullable column without a default; see {@link Column} for the rest. */
  public static Column column(String name, ColumnType type) {
    return Column.of(name, type);
  }

  public static ColumnType string(int length) {
    return new ColumnType(ColumnType.Kind.STRING, length, 0, 0, "");
  }

  public static ColumnType text() {
    return ColumnType.of(ColumnType.Kind.TEXT);
  }

  public static ColumnType integer() {
    return ColumnType.of(ColumnType.Kind.INTEGER);
  }

  public static ColumnType smallint() {
    return ColumnType.of(ColumnType.Kind.SMALLINT);
  }

  public static ColumnType bigint() {
    return ColumnType.of(ColumnType.Kind.BIGINT);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(ColumnType.Kind.DECIMAL, 0, precision, scale, "");
  }

  public static ColumnType doublePrecision() {
    return ColumnType.of(ColumnType.Kind.DOUBLE);
  }

  public static ColumnType bool() {
    return ColumnType.of(ColumnType.Kind.BOOLEAN);
  }

  public static ColumnType date() {
    return ColumnType.of(ColumnType.Kind.DATE);
  }

  public static ColumnType time() {
    return ColumnType.of(ColumnType.Kind.TIME);
  }

  /** A date and time without a zone ({@code LocalDateTime}). */
  public static ColumnType timestamp() {
    return ColumnType.of(ColumnType.Kind.TIMESTAMP);
  }

  /** An instant ({@code Instant}, {@code OffsetDateTime}); MariaDB keeps it as UTC. */
  public static ColumnType timestamptz() {
    return ColumnType.of(ColumnType.Kind.TIMESTAMPTZ);
  }

  public static ColumnType uuid() {
    return ColumnType.of(ColumnType.Kind.UUID);
  }

  public static ColumnType json() {
    return ColumnType.of(ColumnType.Kind.JSON);
  }

  /** Bytes of any length. */
  public static ColumnType binary() {
    return ColumnType.of(ColumnType.Kind.BINARY);
  }

  /** Bytes up to {@code length}. */
  public static ColumnType binary(int length) {
    return new ColumnType(ColumnType.Kind.BINARY, length, 0, 0, "");
  }

  /** A type written as it is for every vendor, for what the neutral types do not cover. */
  public static ColumnType sqlType(String sql) {
    return new ColumnType(ColumnType.Kind.SQL, 0, 0, 0, sql);
  }

  public static Constraint.PrimaryKey primaryKey(String... columns) {
    return new Constraint.PrimaryKey("", List.of(columns));
  }

  /** A unique constraint, named {@code <table>_<columns>_uniq} unless {@code .named(...)}. */
  public static Constraint.Unique unique(String... columns) {
    return new Constraint.Unique("", List.of(columns));
  }

  /** A foreign key; complete it with {@code .references(table, columns...)}. */
  public static Constraint.ForeignKey foreignKey(String... columns) {
    return new Constraint.ForeignKey("", List.of(columns), "", List.of(), OnDelete.NO_ACTION);
  }

  /** An index, named {@code <table>_<columns>_idx} unless {@code .named(...)}. */
  public static Index index(String... columns) {
    return new Index("", List.of(columns));
  }
}
