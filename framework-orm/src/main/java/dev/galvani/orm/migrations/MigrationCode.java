package dev.galvani.orm.migrations;

/** The Java code of a data migration, given to {@code runJava}. */
@FunctionalInterface
public interface MigrationCode {
  void run(MigrationContext context) throws Exception;
}
