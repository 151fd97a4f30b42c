package dev.galvani.orm.migrations;

import dev.galvani.core.Galvani;
import java.io.PrintStream;

/**
 * An app that has work to do after {@code migrate} succeeds, such as the auth app creating the
 * permissions of new entities (Django's {@code post_migrate} signal). Called in app order.
 */
public interface PostMigrate {
  void postMigrate(Galvani galvani, PrintStream out);

  /**
   * Runs the hooks of every installed app, as {@code migrate} does after it succeeds; call it after
   * migrating with {@link Migrator} directly (in tests, say).
   */
  static void runAll(Galvani galvani, PrintStream out) {
    for (var app : galvani.settings().apps()) {
      if (app instanceof PostMigrate hook) {
        hook.postMigrate(galvani, out);
      }
    }
  }
}
