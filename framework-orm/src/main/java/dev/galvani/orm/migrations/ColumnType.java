package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;

/**
 * A database-neutral column type, rendered per vendor by the migration operations. Immutable.
 *
 * <p>The types and what each vendor gets:
 *
 * <table>
 *   <caption>Neutral column types per vendor</caption>
 *   <tr><th>type</th><th>H2</th><th>PostgreSQL</th><th>MariaDB</th></tr>
 *   <tr><td>string(n)</td><td>VARCHAR(n)</td><td>VARCHAR(n)</td><td>VARCHAR(n)</td></tr>
 *   <tr><td>text</td><td>CHARACTER LARGE OBJECT</td><td>TEXT</td><td>LONGTEXT</td></tr>
 *   <tr><td>integer / smallint / bigint</td><td>INTEGER / SMALLINT / BIGINT</td>
 *       <td>same</td><td>INT / SMALLINT / BIGINT</td></tr>
 *   <tr><td>decimal(p, s)</td><td>NUMERIC(p,s)</td><td>NUMERIC(p,s)</td><td>DECIMAL(p,s)</td></tr>
 *   <tr><td>doublePrecision</td><td>DOUBLE PRECISION</td><td>DOUBLE PRECISION</td><td>DOUBLE</td></tr>
 *   <tr><td>bool</td><td>BOOLEAN</td><td>BOOLEAN</td><td>BOOLEAN (TINYINT(1))</td></tr>
 *   <tr><td>date / time</td><td>DATE / TIME</td><td>DATE / TIME</td><td>DATE / TIME</td></tr>
 *   <tr><td>timestamp</td><td>TIMESTAMP(6)</td><td>TIMESTAMP(6)</td><td>DATETIME(6)</td></tr>
 *   <tr><td>timestamptz</td><td>TIMESTAMP(6) WITH TIME ZONE</td>
 *       <td>TIMESTAMP(6) WITH TIME ZONE</td><td>DATETIME(6) (UTC)</td></tr>
 *   <tr><td>uuid</td><td>UUID</td><td>UUID</td><td>BINARY(16), as Hibernate binds it</td></tr>
 *   <tr><td>json</td><td>JSON</td><td>JSONB</td><td>JSON</td></tr>
 *   <tr><td>binary(n) / binary()</td><td>VARBINARY(n) / BLOB</td><td>BYTEA</td>
 *       <td>VARBINARY(n) / LONGBLOB</td></tr>
 *   <tr><td>sqlType("...")</td><td colspan="3">the given SQL, as it is, on every vendor</td></tr>
 * </table>
 *
 * @param length the length of a string or binary, 0 for unbounded (text, binary())
 * @param sql the SQL type of {@link Kind#SQL}, empty otherwise
 */
public record ColumnType(Kind kind, int length, int precision, int scale, String sql) {
  /** The neutral kinds. */
  public enum Kind {
    STRING,
    TEXT,
    INTEGER,
    SMALLINT,
    BIGINT,
    DECIMAL,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMPTZ,
    UUID,
    JSON,
    BINARY,
    SQL
  }

  public ColumnType {
    if (kind == Kind.STRING && length <= 0) {
      throw new IllegalArgumentException("string(n) needs a length above 0, not " + length);
    }
    if (kind == Kind.DECIMAL && (precision <= 0 || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException(
          "decimal(p, s) needs 0 < p and 0 <= s <= p, not (" + precision + ", " + scale + ")");
    }
  }

  static ColumnType of(Kind kind) {
    return new ColumnType(kind, 0, 0, 0, "");
  }

  /** The type's SQL on {@code vendor}. */
  public String render(Vendor vendor) {
    return switch (kind) {
      case STRING -> "VARCHAR(" + length + ")";
      case TEXT ->
          switch (vendor) {
            case H2 -> "CHARACTER LARGE OBJECT";
            case POSTGRESQL -> "TEXT";
            case MARIADB -> "LONGTEXT";
          };
      case INTEGER -> vendor == Vendor.MARIADB ? "INT" : "INTEGER";
      case SMALLINT -> "SMALLINT";
      case BIGINT -> "BIGINT";
      case DECIMAL ->
          (vendor == Vendor.MARIADB ? "DECIMAL(" : "NUMERIC(") + precision + "," + scale + ")";
      case DOUBLE -> vendor == Vendor.MARIADB ? "DOUBLE" : "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> vendor == Vendor.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
      case TIMESTAMPTZ -> vendor == Vendor.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6) WITH TIME ZONE";
      case UUID -> vendor == Vendor.MARIADB ? "BINARY(16)" : "UUID";
      case JSON -> vendor == Vendor.POSTGRESQL ? "JSONB" : "JSON";
      case BINARY -> binary(vendor);
      case SQL -> sql;
    };
  }

  private String binary(Vendor vendor) {
    return switch (vendor) {
      case POSTGRESQL -> "BYTEA";
      case H2 -> length == 0 ? "BLOB" : "VARBINARY(" + length + ")";
      case MARIADB -> length == 0 || length > 65_000 ? "LONGBLOB" : "VARBINARY(" + length + ")";
    };
  }

  /** Whether values of this type are written as quoted strings in SQL. */
  boolean quoted() {
    return kind == Kind.STRING || kind == Kind.TEXT || kind == Kind.JSON;
  }

  /** The Java expression that builds this type, as migrations are written. */
  public String toSource() {
    return switch (kind) {
      case STRING -> "string(" + length + ")";
      case DECIMAL -> "decimal(" + precision + ", " + scale + ")";
      case BINARY -> length == 0 ? "binary()" : "binary(" + length + ")";
      case SQL -> "sqlType(" + Sources.literal(sql) + ")";
      case DOUBLE -> "doublePrecision()";
      case BOOLEAN -> "bool()";
      default -> kind.name().toLowerCase(java.util.Locale.ROOT) + "()";
    };
  }

  @Override
  public String toString() {
    return toSource();
  }
}
