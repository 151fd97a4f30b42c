package dev.galvani.orm;

import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitEntityNameSource;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Django's table names: {@code <app>_<model>} ({@code polls_question}) for an entity of an
 * installed app, and {@code <owner table>_<field>} ({@code polls_question_tags}) for a many-to-many
 * link table, so two apps' models never share a table and no table is called by a reserved word
 * such as {@code user}. Explicit {@code @Table} and {@code @JoinTable} names win. The physical
 * naming strategy then turns camel case into snake case.
 */
final class AppTableNaming extends ImplicitNamingStrategyJpaCompliantImpl {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> appOfClass;

  AppTableNaming(Map<String, String> appOfClass) {
    this.appOfClass = Map.copyOf(appOfClass);
  }

  @Override
  public Identifier determinePrimaryTableName(ImplicitEntityNameSource source) {
    Identifier name = super.determinePrimaryTableName(source);
    String app = appOfClass.get(source.getEntityNaming().getClassName());
    return app == null
        ? name
        : toIdentifier(app + "_" + name.getText(), source.getBuildingContext());
  }

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String owner = source.getOwningPhysicalTableName();
    String field = source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(owner + "_" + field, source.getBuildingContext());
  }
}
