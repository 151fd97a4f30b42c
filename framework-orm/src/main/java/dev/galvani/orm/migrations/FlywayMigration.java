package dev.galvani.orm.migrations;

import dev.galvani.orm.Vendor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * One Galvani migration as Flyway sees it: version = its number, description = its words, checksum
 * = a CRC32 of its operations, so Flyway's validation reports an applied migration that was edited.
 * Running it replays the app's earlier migrations into a state and executes each operation.
 */
final class FlywayMigration implements JavaMigration {
  private final String app;
  private final Migration migration;
  private final List<Migration> earlier;
  private final Vendor vendor;
  private final PrintStream out;

  FlywayMigration(
      String app, Migration migration, List<Migration> earlier, Vendor vendor, PrintStream out) {
    this.app = app;
    this.migration = migration;
    this.earlier = List.copyOf(earlier);
    this.vendor = vendor;
    this.out = out;
  }

  static MigrationVersion version(Migration migration) {
    return MigrationVersion.fromVersion(Integer.toString(migration.number()));
  }

  static int checksum(Migration migration) {
    CRC32 crc = new CRC32();
    StringBuilder text = new StringBuilder(String.join(",", migration.dependencies()));
    migration.operations().forEach(operation -> text.append('\n').append(operation.fingerprint()));
    crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public MigrationVersion getVersion() {
    return version(migration);
  }

  @Override
  public String getDescription() {
    return migration.label();
  }

  @Override
  public Integer getChecksum() {
    return checksum(migration);
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    out.print("Applying " + app + "." + migration.name() + "...");
    out.flush();
    long started = System.nanoTime();
    try {
      SchemaState state = SchemaState.replay(earlier);
      MigrationContext migrationContext = new MigrationContext(context.getConnection(), vendor);
      for (Operation operation : migration.operations()) {
        SchemaState before = state.copy();
        operation.applyTo(state);
        operation.execute(migrationContext, before);
      }
    } catch (Exception | Error e) {
      out.println(" FAILED");
      throw e;
    }
    out.println(" OK (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
  }
}
