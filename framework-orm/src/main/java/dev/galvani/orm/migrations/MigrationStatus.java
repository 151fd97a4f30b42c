package dev.galvani.orm.migrations;

/** Whether one migration of an app is applied to its database. */
public record MigrationStatus(String app, String migration, boolean applied) {}
