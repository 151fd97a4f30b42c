package dev.galvani.orm;

import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityVersionMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.descriptor.WrapperOptions;

/**
 * One {@code update <table> set <fields> where <id> = ?} for rows already in memory, sent as one
 * JDBC batch: Django's {@code bulk_update}. The columns, and how each value is converted and bound,
 * come from Hibernate's mapping. A {@code @Version} field is checked and moved on per row, so a row
 * changed by someone else since it was read fails the whole update with an {@link
 * OptimisticLockException}; such statements run one by one, because some drivers report no row
 * counts for a batch.
 */
final class BulkUpdate<T> {
  private final ModelMeta<T> meta;
  private final WrapperOptions options;
  private final List<Part> parts;
  private final Part id;
  private final Part version;
  private final String sql;

  /** One bound column: how to read it from the entity and bind it. */
  private record Part(String field, AttributeMapping attribute, BasicValuedModelPart column) {
    Object read(Object entity) {
      return attribute.getPropertyAccess().getGetter().get(entity);
    }

    void bind(PreparedStatement statement, int index, Object value, WrapperOptions options)
        throws SQLException {
      PlainReader.bind(statement, index, column.getJdbcMapping(), value, options);
    }
  }

  BulkUpdate(Database database, ModelMeta<T> meta, List<String> fields) {
    this.meta = meta;
    SessionFactoryImplementor factory = database.hibernate();
    this.options = factory.getWrapperOptions();
    EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(meta.model());
    if (persister.getTableNames().length != 1) {
      throw new InvalidQuery(
          "bulkUpdate() writes models of one table; "
              + meta.name()
              + " spans several, so save() its rows instead");
    }
    if (fields.isEmpty()) {
      throw new InvalidQuery(
          "bulkUpdate() needs at least one field to write, such as "
              + meta.name()
              + "'s "
              + firstEditable(meta));
    }
    List<Part> set = new ArrayList<>();
    for (String field : fields) {
      FieldMeta described = meta.require(field);
      if (described.primaryKey() || described.version() || described.isRelation()) {
        throw new InvalidQuery(
            "bulkUpdate() writes plain fields; '"
                + field
                + "' of "
                + meta.name()
                + " is "
                + (described.primaryKey()
                    ? "the primary key"
                    : described.version() ? "the @Version, which moves on by itself" : "a relation")
                + (described.isRelation() ? "; save() the rows to change it" : ""));
      }
      set.add(part(persister, field, persister.findAttributeMapping(field)));
    }
    this.parts = List.copyOf(set);
    this.id = part(persister, meta.id().name(), persister.getIdentifierMapping());
    EntityVersionMapping versionMapping = persister.getVersionMapping();
    this.version =
        versionMapping == null
            ? null
            : part(persister, versionMapping.getPartName(), versionMapping.getVersionAttribute());
    StringBuilder update = new StringBuilder("update ").append(persister.getTableName());
    String separator = " set ";
    for (Part part : parts) {
      update.append(separator).append(part.column().getSelectionExpression()).append(" = ?");
      separator = ", ";
    }
    if (version != null) {
      update.append(", ").append(version.column().getSelectionExpression()).append(" = ?");
    }
    update.append(" where ").append(id.column().getSelectionExpression()).append(" = ?");
    if (version != null) {
      update.append(" and ").append(version.column().getSelectionExpression()).append(" = ?");
    }
    this.sql = update.toString();
  }

  private static String firstEditable(ModelMeta<?> meta) {
    return meta.fields().stream()
        .filter(field -> field.editable() && !field.isRelation())
        .map(FieldMeta::name)
        .findFirst()
        .orElse("fields");
  }

  private Part part(EntityPersister persister, String field, Object mapping) {
    if (!(mapping instanceof BasicValuedModelPart column)
        || !(mapping instanceof AttributeMapping attribute)
        || column.isFormula()
        || !persister.getTableName().equals(column.getContainingTableExpression())
        || !column.isUpdateable() && column != persister.getIdentifierMapping()) {
      throw new InvalidQuery(
          "bulkUpdate() writes plain columns; '"
              + field
              + "' of "
              + meta.name()
              + " is not one (a formula, an embeddable or a read-only column), so save() the rows"
              + " instead");
    }
    return new Part(field, attribute, column);
  }

  String sql() {
    return sql;
  }

  /** Sends the update for {@code rows}; returns how many rows it wrote. */
  int run(Connection connection, List<T> rows) throws SQLException {
    List<Object> nextVersions = new ArrayList<>(rows.size());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int written = 0;
      for (T row : rows) {
        Object key = id.read(row);
        if (key == null) {
          throw new InvalidQuery(
              "bulkUpdate() writes saved rows; a " + meta.name() + " without an id was given");
        }
        int index = 1;
        for (Part part : parts) {
          part.bind(statement, index++, part.read(row), options);
        }
        if (version != null) {
          Object current = version.read(row);
          Object next = next(current);
          nextVersions.add(next);
          version.bind(statement, index++, next, options);
          id.bind(statement, index++, key, options);
          version.bind(statement, index, current, options);
          if (statement.executeUpdate() != 1) {
            throw new OptimisticLockException(
                meta.name()
                    + " "
                    + key
                    + " was changed or deleted by someone else since it was read (its @Version"
                    + " moved on); read it again and repeat the change");
          }
          written++;
        } else {
          id.bind(statement, index, key, options);
          statement.addBatch();
        }
      }
      if (version == null) {
        for (int count : statement.executeBatch()) {
          written += count == Statement.SUCCESS_NO_INFO ? 1 : count;
        }
      }
      for (int i = 0; i < nextVersions.size(); i++) {
        version.attribute().getPropertyAccess().getSetter().set(rows.get(i), nextVersions.get(i));
      }
      return written;
    }
  }

  private Object next(Object current) {
    if (current instanceof Integer value) {
      return value + 1;
    }
    if (current instanceof Long value) {
      return value + 1;
    }
    if (current instanceof Short value) {
      return (short) (value + 1);
    }
    throw new InvalidQuery(
        current == null
            ? "bulkUpdate() writes saved rows; a "
                + meta.name()
                + " with no @Version value was given"
            : "bulkUpdate() moves numeric @Version fields on; "
                + meta.name()
                + "'s is a "
                + current.getClass().getSimpleName()
                + ", so save() its rows instead");
  }
}
