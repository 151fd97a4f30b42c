package dev.galvani.orm.migrations.orders.migrations;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.foreignKey;
import static dev.galvani.orm.migrations.Operations.integer;
import static dev.galvani.orm.migrations.Operations.primaryKey;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.OnDelete;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

// snippet:dependencies
/** Order lines reference the shop's products, so the shop's first migration runs before. */
public final class V0001_Initial extends Migration {
  @Override
  public List<String> dependencies() {
    return List.of("migshop.V0001_Initial");
  }

  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "mig_ord_line",
            List.of(
                column("id", bigint()).identity(),
                column("product_id", bigint()).notNull(),
                column("quantity", integer()).notNull()),
            List.of(primaryKey("id"))),
        addConstraint(
            "mig_ord_line",
            foreignKey("product_id")
                .references("mig_shop_product", "id")
                .onDelete(OnDelete.CASCADE)));
  }
}
// end-snippet
