package dev.galvani.examples.polls.migrations;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.foreignKey;
import static dev.galvani.orm.migrations.Operations.integer;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.timestamptz;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.OnDelete;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

/**
 * Written by makemigrations.
 *
 * <ul>
 *   <li>Create table polls_choice
 *   <li>Create table polls_question
 *   <li>Add constraint polls_choice_question_id_fk to polls_choice
 * </ul>
 */
public final class V0001_Initial extends Migration {
  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "polls_choice",
            List.of(
                column("id", bigint()).identity(),
                column("text", string(200)).notNull(),
                column("votes", integer()).notNull().defaultValue("0"),
                column("question_id", bigint()).notNull()),
            List.of(primaryKey("id"))),
        createModel(
            "polls_question",
            List.of(
                column("id", bigint()).identity(),
                column("pub_date", timestamptz()).notNull(),
                column("text", string(200)).notNull()),
            List.of(primaryKey("id"))),
        addConstraint(
            "polls_choice",
            foreignKey("question_id")
                .references("polls_question", "id")
                .onDelete(OnDelete.CASCADE)));
  }
}
