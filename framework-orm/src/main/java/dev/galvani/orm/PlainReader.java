package dev.galvani.orm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jpa.event.spi.CallbackType;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicEntityIdentifierMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.spi.EntityInstantiator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.property.access.spi.Setter;
import org.hibernate.sql.Template;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * Reads rows of a <em>plain</em> model straight through JDBC, below Hibernate's session: a model of
 * one table whose fields are all plain columns (no relations, embeddables, formulas, custom read
 * expressions, inheritance, lazy or LOB fields, restrictions, soft delete, tenant id or
 * {@code @PostLoad} callbacks). For such a model a row maps to an instance field by field, so there
 * is nothing for a session to do on a read outside a transaction: no proxies to hand out, no
 * snapshots to keep. The SQL, the column order, and each column's JDBC reading and conversion come
 * from Hibernate's own mapping, so values are read exactly as Hibernate reads them.
 *
 * <p>Immutable and thread-safe; built once per model by {@link Database}.
 */
final class PlainReader<T> {
  private final EntityInstantiator instantiator;
  private final WrapperOptions options;
  private final List<Column> columns;
  private final Column id;
  private final Map<String, String> expressions;
  private final String selectAll;
  private final String selectById;

  /** One selected column: how to read it and where it goes. */
  private record Column(JdbcMapping mapping, Setter setter) {}

  private PlainReader(
      EntityInstantiator instantiator,
      WrapperOptions options,
      List<Column> columns,
      Column id,
      Map<String, String> expressions,
      String table,
      String idExpression) {
    this.instantiator = instantiator;
    this.options = options;
    this.columns = columns;
    this.id = id;
    this.expressions = expressions;
    this.selectAll = "select " + String.join(", ", expressions.values()) + " from " + table;
    this.selectById = selectAll + " where " + idExpression + " = ?";
  }

  /** The reader for {@code model}, or empty when the model is not plain. */
  static <T> Optional<PlainReader<T>> of(SessionFactoryImplementor factory, Class<T> model) {
    EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(model);
    if (!isPlain(factory, persister, model)
        || !(persister.getIdentifierMapping() instanceof BasicEntityIdentifierMapping idMapping)) {
      return Optional.empty();
    }
    String table = persister.getTableName();
    List<Column> columns = new ArrayList<>();
    Map<String, String> expressions = new LinkedHashMap<>();
    if (!readable(idMapping, table)) {
      return Optional.empty();
    }
    Column id = new Column(idMapping.getJdbcMapping(), idMapping.getPropertyAccess().getSetter());
    columns.add(id);
    expressions.put(idMapping.getAttributeName(), idMapping.getSelectionExpression());
    for (int i = 0; i < persister.getNumberOfAttributeMappings(); i++) {
      AttributeMapping attribute = persister.getAttributeMapping(i);
      if (!(attribute instanceof BasicValuedModelPart basic) || !readable(basic, table)) {
        return Optional.empty();
      }
      columns.add(new Column(basic.getJdbcMapping(), attribute.getPropertyAccess().getSetter()));
      expressions.put(attribute.getAttributeName(), basic.getSelectionExpression());
    }
    return Optional.of(
        new PlainReader<>(
            persister.getRepresentationStrategy().getInstantiator(),
            factory.getWrapperOptions(),
            List.copyOf(columns),
            id,
            expressions,
            table,
            idMapping.getSelectionExpression()));
  }

  private static boolean isPlain(
      SessionFactoryImplementor factory, EntityPersister persister, Class<?> model) {
    return persister.getMappedClass() == model
        && persister.getSuperMappingType() == null
        && !persister.hasSubclasses()
        && persister.getTableNames().length == 1
        && !persister.hasCollections()
        && !persister.hasLazyProperties()
        && !persister.hasCache()
        && !persister.hasFilterForLoadByKey()
        && !(persister instanceof AbstractEntityPersister entity && entity.hasWhereRestrictions())
        && persister.getSoftDeleteMapping() == null
        && persister.getTenantIdMapping() == null
        && persister.getDiscriminatorMapping() == null
        && !model.isAnnotationPresent(org.hibernate.annotations.SQLSelect.class)
        && !factory
            .getEventEngine()
            .getCallbackRegistry()
            .hasRegisteredCallbacks(model, CallbackType.POST_LOAD)
        && persister.getRepresentationStrategy().getInstantiator().canBeInstantiated();
  }

  private static boolean readable(BasicValuedModelPart part, String table) {
    String read = part.getCustomReadExpression(); // "{@}.column" unless @ColumnTransformer
    return !part.isFormula()
        && (read == null || read.equals(Template.TEMPLATE + "." + part.getSelectionExpression()))
        && table.equals(part.getContainingTableExpression())
        && !part.getJdbcMapping().getJdbcType().isLob();
  }

  /** {@code select <columns> from <table> where <id> = ?}, for the query log. */
  String selectById() {
    return selectById;
  }

  /**
   * Every row, ordered by {@code ordering} (field names, {@code -} for descending), or empty when
   * an item is not one of this model's columns.
   */
  Optional<String> selectAll(List<String> ordering) {
    if (ordering.isEmpty()) {
      return Optional.of(selectAll);
    }
    StringBuilder sql = new StringBuilder(selectAll);
    String separator = " order by ";
    for (String item : ordering) {
      boolean descending = item.startsWith("-");
      String expression = expressions.get(descending ? item.substring(1) : item);
      if (expression == null) {
        return Optional.empty();
      }
      sql.append(separator).append(expression).append(descending ? " desc" : "");
      separator = ", ";
    }
    return Optional.of(sql.toString());
  }

  /** The row with primary key {@code key} (already of the id's Java type), if there is one. */
  Optional<T> get(Connection connection, Object key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(selectById)) {
      bind(statement, 1, id.mapping(), key, options);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    }
  }

  /** The rows of {@code sql}, one of the selects this reader made. */
  List<T> list(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<T> found = new ArrayList<>();
      while (rows.next()) {
        found.add(row(rows));
      }
      return found;
    }
  }

  @SuppressWarnings("unchecked")
  private T row(ResultSet rows) throws SQLException {
    T entity = (T) instantiator.instantiate();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      Object value = column.mapping().getJdbcValueExtractor().extract(rows, i + 1, options);
      column.setter().set(entity, column.mapping().convertToDomainValue(value));
    }
    return entity;
  }

  /** Binds a domain value as Hibernate would: converted, then set by the column's JDBC binder. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void bind(
      PreparedStatement statement,
      int index,
      JdbcMapping mapping,
      Object value,
      WrapperOptions options)
      throws SQLException {
    ((org.hibernate.type.descriptor.ValueBinder) mapping.getJdbcValueBinder())
        .bind(statement, mapping.convertToRelationalValue(value), index, options);
  }
}
