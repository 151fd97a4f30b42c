package dev.galvani.orm.migrations;

import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.binary;
import static dev.galvani.orm.migrations.Operations.bool;
import static dev.galvani.orm.migrations.Operations.date;
import static dev.galvani.orm.migrations.Operations.decimal;
import static dev.galvani.orm.migrations.Operations.doublePrecision;
import static dev.galvani.orm.migrations.Operations.integer;
import static dev.galvani.orm.migrations.Operations.json;
import static dev.galvani.orm.migrations.Operations.smallint;
import static dev.galvani.orm.migrations.Operations.sqlType;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.text;
import static dev.galvani.orm.migrations.Operations.time;
import static dev.galvani.orm.migrations.Operations.timestamp;
import static dev.galvani.orm.migrations.Operations.timestamptz;
import static dev.galvani.orm.migrations.Operations.uuid;

import dev.galvani.orm.ModelApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Reads an app's tables from Hibernate's boot model of its entities into a {@link SchemaState}: the
 * schema the models want, which {@code makemigrations} compares with the schema the migrations
 * build. Join tables of many-to-many relations belong to the app of the owning entity. Names that
 * Hibernate generated ({@code FK...}, {@code UK...}, {@code IDX...}) are replaced by Galvani's
 * deterministic ones; names given in annotations are kept.
 */
final class ModelSchema {
  private static final Pattern GENERATED_NAME = Pattern.compile("(?i)(FK|UK|IDX)[a-z0-9]{15,}");

  private final Metadata metadata;
  private final Dialect dialect;
  private final List<String> warnings = new ArrayList<>();

  private ModelSchema(Metadata metadata) {
    this.metadata = metadata;
    this.dialect = metadata.getDatabase().getDialect();
  }

  /** The tables of {@code app}'s entities, and warnings about what migrations will not cover. */
  static Result read(Metadata metadata, ModelApp app) {
    return new ModelSchema(metadata).read(app);
  }

  /** The schema the models want, and what the reader could not express. */
  record Result(SchemaState state, List<String> warnings) {}

  private Result read(ModelApp app) {
    Set<Class<?>> models = Set.copyOf(app.models());
    Map<String, org.hibernate.mapping.Table> tables = new LinkedHashMap<>();
    List<PersistentClass> entities = new ArrayList<>();
    for (PersistentClass entity : metadata.getEntityBindings()) {
      if (entity.getMappedClass() != null && models.contains(entity.getMappedClass())) {
        entities.add(entity);
        addTable(tables, entity.getTable());
      }
    }
    for (org.hibernate.mapping.Collection collection : metadata.getCollectionBindings()) {
      if (!collection.isInverse() && entities.contains(collection.getOwner())) {
        addTable(tables, collection.getCollectionTable());
      }
    }
    SchemaState state = new SchemaState();
    tables.values().forEach(table -> state.add(table(table)));
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      namespace
          .getSequences()
          .forEach(
              sequence ->
                  warnings.add(
                      "the sequence "
                          + sequence.getName().getSequenceName().getText()
                          + " is not created by migrations; use"
                          + " @GeneratedValue(strategy = GenerationType.IDENTITY) (as Model does)"
                          + " or create it with runSql"));
    }
    return new Result(state, List.copyOf(warnings));
  }

  private static void addTable(
      Map<String, org.hibernate.mapping.Table> tables, org.hibernate.mapping.Table table) {
    if (table != null && table.isPhysicalTable() && !table.isAbstract() && !table.isView()) {
      tables.putIfAbsent(table.getName().toLowerCase(Locale.ROOT), table);
    }
  }

  private Table table(org.hibernate.mapping.Table table) {
    String name = table.getName();
    Map<org.hibernate.mapping.Column, ColumnType> referencedTypes = new HashMap<>();
    for (ForeignKey key : table.getForeignKeyCollection()) {
      List<org.hibernate.mapping.Column> referenced = referencedColumns(key);
      for (int index = 0; index < key.getColumnSpan() && index < referenced.size(); index++) {
        referencedTypes.put(key.getColumn(index), type(referenced.get(index)));
      }
    }
    List<Column> columns = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    if (table.getPrimaryKey() != null) {
      constraints.add(new Constraint.PrimaryKey("", names(table.getPrimaryKey().getColumns())));
    }
    for (org.hibernate.mapping.Column column : table.getColumns()) {
      // a foreign key column takes the type of the column it references, so a UUID key that
      // MariaDB's dialect binds as BINARY(16) still reads as uuid() on every vendor
      ColumnType type = referencedTypes.getOrDefault(column, type(column));
      boolean primary =
          table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
      Column converted =
          new Column(
              column.getName(),
              type,
              column.isNullable() && !primary,
              Optional.ofNullable(column.getDefaultValue()),
              column.isIdentity());
      columns.add(converted);
      if (column.isUnique() && !primary) {
        addUnique(constraints, new Constraint.Unique("", List.of(column.getName())));
      }
    }
    for (UniqueKey key : table.getUniqueKeys().values()) {
      String keyName = key.isNameExplicit() ? key.getName() : "";
      addUnique(constraints, new Constraint.Unique(keyName, names(key.getColumns())));
    }
    for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
      List<String> indexColumns = names(index.getColumns());
      if (index.isUnique()) {
        addUnique(constraints, new Constraint.Unique(explicitName(index.getName()), indexColumns));
      } else {
        indexes.add(new Index(explicitName(index.getName()), indexColumns));
      }
    }
    for (ForeignKey key : table.getForeignKeyCollection()) {
      if (key.isCreationEnabled() && key.isPhysicalConstraint()) {
        constraints.add(
            new Constraint.ForeignKey(
                explicitName(key.getName()),
                names(key.getColumns()),
                key.getReferencedTable().getName(),
                names(referencedColumns(key)),
                onDelete(key.getOnDeleteAction())));
      }
    }
    return new Table(name, columns, constraints, indexes);
  }

  private static void addUnique(List<Constraint> constraints, Constraint.Unique unique) {
    if (constraints.stream().noneMatch(existing -> existing.sameDefinition(unique))) {
      constraints.add(unique);
    }
  }

  private static String explicitName(String name) {
    return name == null || GENERATED_NAME.matcher(name).matches() ? "" : name;
  }

  private static List<org.hibernate.mapping.Column> referencedColumns(ForeignKey key) {
    if (key.isReferenceToPrimaryKey() || key.getReferencedColumns().isEmpty()) {
      return key.getReferencedTable().getPrimaryKey().getColumns();
    }
    return key.getReferencedColumns();
  }

  private static List<String> names(List<org.hibernate.mapping.Column> columns) {
    return columns.stream().map(org.hibernate.mapping.Column::getName).toList();
  }

  private static OnDelete onDelete(org.hibernate.annotations.OnDeleteAction action) {
    if (action == null) {
      return OnDelete.NO_ACTION;
    }
    return switch (action) {
      case CASCADE -> OnDelete.CASCADE;
      case SET_NULL -> OnDelete.SET_NULL;
      case SET_DEFAULT -> OnDelete.SET_DEFAULT;
      case RESTRICT -> OnDelete.RESTRICT;
      case NO_ACTION -> OnDelete.NO_ACTION;
    };
  }

  /** The neutral type of a Hibernate column; see {@link ColumnType} for the list. */
  private ColumnType type(org.hibernate.mapping.Column column) {
    // a columnDefinition (and, on some dialects, a type Hibernate resolved itself) shows up as
    // the SQL type: names with a neutral equivalent become it, the rest go by the JDBC type code
    Optional<ColumnType> declared =
        Optional.ofNullable(column.getSqlType()).flatMap(ModelSchema::declaredType);
    if (declared.isPresent()) {
      return declared.get();
    }
    int code = column.getSqlTypeCode(metadata);
    Size size = column.getColumnSize(dialect, metadata);
    Class<?> javaType = javaType(column);
    if (javaType == java.util.UUID.class
        && (code == SqlTypes.UUID || code == SqlTypes.BINARY || code == SqlTypes.VARBINARY)) {
      return uuid();
    }
    return switch (code) {
      case SqlTypes.CHAR,
          SqlTypes.NCHAR,
          SqlTypes.VARCHAR,
          SqlTypes.NVARCHAR,
          SqlTypes.ENUM,
          SqlTypes.NAMED_ENUM ->
          string(
              size.getLength() == null || size.getLength() <= 0
                  ? 255
                  : size.getLength().intValue());
      case SqlTypes.LONGVARCHAR,
          SqlTypes.LONGNVARCHAR,
          SqlTypes.LONG32VARCHAR,
          SqlTypes.LONG32NVARCHAR,
          SqlTypes.CLOB,
          SqlTypes.NCLOB,
          SqlTypes.MATERIALIZED_CLOB,
          SqlTypes.MATERIALIZED_NCLOB ->
          text();
      case SqlTypes.INTEGER -> integer();
      case SqlTypes.SMALLINT,
          SqlTypes.TINYINT,
          SqlTypes.ORDINAL_ENUM,
          SqlTypes.NAMED_ORDINAL_ENUM ->
          smallint();
      case SqlTypes.BIGINT -> bigint();
      case SqlTypes.NUMERIC, SqlTypes.DECIMAL ->
          decimal(
              size.getPrecision() == null ? 38 : size.getPrecision(),
              size.getScale() == null ? 0 : size.getScale());
      case SqlTypes.FLOAT, SqlTypes.REAL, SqlTypes.DOUBLE -> doublePrecision();
      case SqlTypes.BOOLEAN, SqlTypes.BIT -> bool();
      case SqlTypes.DATE -> date();
      case SqlTypes.TIME, SqlTypes.TIME_WITH_TIMEZONE, SqlTypes.TIME_UTC -> time();
      case SqlTypes.TIMESTAMP -> timestamp();
      case SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC -> timestamptz();
      case SqlTypes.UUID -> uuid();
      case SqlTypes.JSON -> json();
      case SqlTypes.BINARY, SqlTypes.VARBINARY ->
          size.getLength() == null || size.getLength() <= 0 || size.getLength() > 65_000
              ? binary()
              : binary(size.getLength().intValue());
      case SqlTypes.LONGVARBINARY,
          SqlTypes.LONG32VARBINARY,
          SqlTypes.BLOB,
          SqlTypes.MATERIALIZED_BLOB ->
          binary();
      default -> {
        String sql = column.getSqlType(metadata);
        warnings.add(
            column.getName()
                + " has the type "
                + sql
                + ", which has no neutral equivalent; it is written as sqlType(\""
                + sql
                + "\") for every vendor");
        yield sqlType(sql);
      }
    };
  }

  private static Class<?> javaType(org.hibernate.mapping.Column column) {
    try {
      return column.getValue().getType().getReturnedClass();
    } catch (RuntimeException e) {
      return Object.class;
    }
  }

  /** A declared SQL type that names a neutral type. */
  private static Optional<ColumnType> declaredType(String sql) {
    String name = sql.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return Optional.ofNullable(
        switch (name) {
          case "text", "clob", "longtext", "character large object" -> text();
          case "json", "jsonb" -> json();
          case "uuid" -> uuid();
          case "timestamptz", "timestamp with time zone", "timestamp(6) with time zone" ->
              timestamptz();
          case "timestamp", "timestamp(6)", "datetime(6)" -> timestamp();
          default -> null;
        });
  }
}
