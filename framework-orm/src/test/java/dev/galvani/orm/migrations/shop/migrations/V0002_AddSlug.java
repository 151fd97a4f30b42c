package dev.galvani.orm.migrations.shop.migrations;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.addField;
import static dev.galvani.orm.migrations.Operations.alterField;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.runJava;
import static dev.galvani.orm.migrations.Operations.runSql;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.unique;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.Operation;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

// snippet:data-migration
/** Adds a slug, fills it from the name in Java, then makes it required and unique. */
public final class V0002_AddSlug extends Migration {
  @Override
  public List<Operation> operations() {
    return List.of(
        addField("mig_shop_product", column("slug", string(100))),
        runJava(V0002_AddSlug::fillSlugs, context -> {}),
        alterField("mig_shop_product", column("slug", string(100)).notNull()),
        addConstraint("mig_shop_product", unique("slug")),
        runSql(
            vendor ->
                switch (vendor) {
                  case POSTGRESQL -> "COMMENT ON COLUMN mig_shop_product.slug IS 'URL name'";
                  case MARIADB, H2 -> "";
                },
            vendor -> ""));
  }

  private static void fillSlugs(dev.galvani.orm.migrations.MigrationContext context)
      throws java.sql.SQLException {
    Map<Long, String> slugs = new LinkedHashMap<>();
    try (var statement = context.connection().createStatement();
        ResultSet rows = statement.executeQuery("select id, name from mig_shop_product")) {
      while (rows.next()) {
        String slug = rows.getString(2).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        slugs.put(rows.getLong(1), slug);
      }
    }
    for (Map.Entry<Long, String> slug : slugs.entrySet()) {
      context.execute(
          "update mig_shop_product set slug = ? where id = ?", slug.getValue(), slug.getKey());
    }
  }
}
// end-snippet
