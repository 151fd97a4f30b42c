package dev.galvani.auth.migrations;

import static dev.galvani.orm.migrations.Operations.addConstraint;
import static dev.galvani.orm.migrations.Operations.addIndex;
import static dev.galvani.orm.migrations.Operations.bigint;
import static dev.galvani.orm.migrations.Operations.bool;
import static dev.galvani.orm.migrations.Operations.column;
import static dev.galvani.orm.migrations.Operations.createModel;
import static dev.galvani.orm.migrations.Operations.foreignKey;
import static dev.galvani.orm.migrations.Operations.index;
import static dev.galvani.orm.migrations.Operations.integer;
import static dev.galvani.orm.migrations.Operations.primaryKey;
import static dev.galvani.orm.migrations.Operations.string;
import static dev.galvani.orm.migrations.Operations.timestamptz;
import static dev.galvani.orm.migrations.Operations.unique;

import dev.galvani.orm.migrations.Migration;
import dev.galvani.orm.migrations.Operation;
import java.util.List;

/**
 * Written by makemigrations.
 *
 * <ul>
 *   <li>Create table auth_group
 *   <li>Create table auth_session
 *   <li>Create table auth_permission
 *   <li>Create table auth_login_failures
 *   <li>Create table auth_user
 *   <li>Create table auth_user_groups
 *   <li>Create table auth_group_permissions
 *   <li>Create table auth_user_user_permissions
 *   <li>Create index auth_session_expire_date_idx on auth_session
 *   <li>Add constraint auth_user_groups_group_id_fk to auth_user_groups
 *   <li>Add constraint auth_user_groups_user_id_fk to auth_user_groups
 *   <li>Add constraint auth_group_permissions_permission_id_fk to auth_group_permissions
 *   <li>Add constraint auth_group_permissions_group_id_fk to auth_group_permissions
 *   <li>Add constraint auth_user_user_permissions_permission_id_fk to auth_user_user_permissions
 *   <li>Add constraint auth_user_user_permissions_user_id_fk to auth_user_user_permissions
 * </ul>
 */
public final class V0001_Initial extends Migration {
  @Override
  public List<Operation> operations() {
    return List.of(
        createModel(
            "auth_group",
            List.of(column("id", bigint()).identity(), column("name", string(150)).notNull()),
            List.of(primaryKey("id"), unique("name"))),
        createModel(
            "auth_session",
            List.of(
                column("session_key", string(43)).notNull(),
                column("expire_date", timestamptz()).notNull(),
                column("session_data", string(10000)).notNull()),
            List.of(primaryKey("session_key"))),
        createModel(
            "auth_permission",
            List.of(
                column("id", bigint()).identity(),
                column("app_label", string(100)).notNull(),
                column("codename", string(100)).notNull(),
                column("name", string(255)).notNull()),
            List.of(primaryKey("id"), unique("app_label", "codename"))),
        createModel(
            "auth_login_failures",
            List.of(
                column("subject", string(200)).notNull(),
                column("failures", integer()).notNull(),
                column("last_failure", timestamptz()).notNull()),
            List.of(primaryKey("subject"))),
        createModel(
            "auth_user",
            List.of(
                column("id", bigint()).identity(),
                column("active", bool()).notNull(),
                column("date_joined", timestamptz()).notNull(),
                column("email", string(254)).notNull(),
                column("first_name", string(150)).notNull(),
                column("last_login", timestamptz()),
                column("last_name", string(150)).notNull(),
                column("password", string(128)).notNull(),
                column("staff", bool()).notNull(),
                column("superuser", bool()).notNull(),
                column("username", string(150)).notNull()),
            List.of(primaryKey("id"), unique("username"))),
        createModel(
            "auth_user_groups",
            List.of(column("user_id", bigint()).notNull(), column("group_id", bigint()).notNull()),
            List.of(primaryKey("user_id", "group_id"))),
        createModel(
            "auth_group_permissions",
            List.of(
                column("group_id", bigint()).notNull(),
                column("permission_id", bigint()).notNull()),
            List.of(primaryKey("group_id", "permission_id"))),
        createModel(
            "auth_user_user_permissions",
            List.of(
                column("user_id", bigint()).notNull(), column("permission_id", bigint()).notNull()),
            List.of(primaryKey("user_id", "permission_id"))),
        addIndex("auth_session", index("expire_date")),
        addConstraint("auth_user_groups", foreignKey("group_id").references("auth_group", "id")),
        addConstraint("auth_user_groups", foreignKey("user_id").references("auth_user", "id")),
        addConstraint(
            "auth_group_permissions",
            foreignKey("permission_id").references("auth_permission", "id")),
        addConstraint(
            "auth_group_permissions", foreignKey("group_id").references("auth_group", "id")),
        addConstraint(
            "auth_user_user_permissions",
            foreignKey("permission_id").references("auth_permission", "id")),
        addConstraint(
            "auth_user_user_permissions", foreignKey("user_id").references("auth_user", "id")));
  }
}
