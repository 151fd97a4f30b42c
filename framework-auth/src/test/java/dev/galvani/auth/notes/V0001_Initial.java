package dev.galvani.auth.notes;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.foreignKey;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.unique;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

/**
 * Written by makemigrations.
 *
 * <ul>
 *   <li>Create table notes_note
 *   <li>Create table notes_profile
 *   <li>Add constraint notes_profile_user_id_fk to notes_profile
 * </ul>
 */
public final class V0001_Initial extends Migration {
  @Override
  public List<String> dependencies() {
    return List.of("auth.V0001_Initial");
  }

  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "notes_note",
            List.of(column("id", bigint()).identity(), column("text", string(100)).notNull()),
            List.of(primaryKey("id"))),
        createModel(
            "notes_profile",
            List.of(
                column("id", bigint()).identity(),
                column("bio", string(200)).notNull(),
                column("user_id", bigint()).notNull()),
            List.of(primaryKey("id"), unique("user_id"))),
        addConstraint("notes_profile", foreignKey("user_id").references("auth_user", "id")));
  }
}
