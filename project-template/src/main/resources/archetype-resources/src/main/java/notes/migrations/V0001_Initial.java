package ${package}.notes.migrations;

import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.text;
import static dev.galvani.orm.migrations.Operations.timestamptz;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

/**
 * Written by makemigrations.
 *
 * <ul>
 *   <li>Create table notes_note
 * </ul>
 */
public final class V0001_Initial extends Migration {
  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "notes_note",
            List.of(
                column("id", bigint()).identity(),
                column("body", text()).notNull(),
                column("created", timestamptz()).notNull(),
                column("title", string(200)).notNull()),
            List.of(primaryKey("id"))));
  }
}
