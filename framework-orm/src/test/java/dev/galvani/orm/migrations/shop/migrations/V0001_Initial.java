package dev.galvani.orm.migrations.shop.migrations;

import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.decimal;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.unique;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

// snippet:initial
/** Products, as makemigrations writes a first migration. */
public final class V0001_Initial extends Migration {
  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "mig_shop_product",
            List.of(
                column("id", bigint()).identity(),
                column("name", string(100)).notNull(),
                column("price", decimal(8, 2)).notNull().defaultValue("0")),
            List.of(primaryKey("id"), unique("name"))));
  }
}
// end-snippet
