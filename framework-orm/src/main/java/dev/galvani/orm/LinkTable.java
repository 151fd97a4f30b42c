package dev.galvani.orm;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.Selectable;

/**
 * A many-to-many join table column that points at an entity, from Hibernate's boot model, so a bulk
 * delete can remove the link rows first, as Django does.
 */
record LinkTable(String table, String column) {

  static List<LinkTable> referencing(Database database, Class<?> model) {
    List<LinkTable> links = new ArrayList<>();
    for (Collection collection : database.hibernateMetadata().getCollectionBindings()) {
      if (collection.isOneToMany() || !(collection.getElement() instanceof ManyToOne element)) {
        continue;
      }
      String table = collection.getCollectionTable().getName();
      if (collection.getOwnerEntityName().equals(model.getName())) {
        links.add(new LinkTable(table, onlyColumn(collection.getKey().getSelectables())));
      }
      if (model.getName().equals(element.getReferencedEntityName())) {
        links.add(new LinkTable(table, onlyColumn(element.getSelectables())));
      }
    }
    return links;
  }

  private static String onlyColumn(List<Selectable> selectables) {
    if (selectables.size() != 1 || !(selectables.get(0) instanceof Column column)) {
      throw new IllegalStateException("Composite keys in link tables are not supported");
    }
    return column.getName();
  }

  void deleteRowsFor(Session session, List<Object> ids) {
    // names come from the mapping, never from a request; ids are bound
    for (int start = 0; start < ids.size(); start += 1000) {
      session
          .createNativeMutationQuery("delete from " + table + " where " + column + " in (:ids)")
          .setParameterList("ids", ids.subList(start, Math.min(ids.size(), start + 1000)))
          .executeUpdate();
    }
  }
}
