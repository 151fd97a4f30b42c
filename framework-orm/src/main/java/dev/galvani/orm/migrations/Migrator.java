package dev.galvani.orm.migrations;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.orm.Database;
import dev.galvani.orm.ModelApp;
import dev.galvani.orm.Orm;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Applies and reverses the apps' migrations on their databases; what the {@code migrate}, {@code
 * showmigrations} and {@code sqlmigrate} commands use, and what tests and tools call directly.
 * Flyway executes each migration and records it in the app's history table {@code
 * flyway_schema_history_<app>}; apps run in dependency order. Not thread-safe; Flyway's lock keeps
 * two processes from migrating the same app at once.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.of(galvani, System.out);
 * migrator.migrate();                          // every app, all the way
 * migrator.migrate("polls", "V0001_Initial");  // polls forward or back to V0001_Initial
 * migrator.migrate("polls", "zero");           // unapply all of polls
 * }</pre>
 */
public final class Migrator {
  /** The target that unapplies every migration of an app. */
  public static final String ZERO = "zero";

  private final List<ModelApp> apps;
  private final Function<ModelApp, Database> databases;
  private final PrintStream out;
  private final Map<String, List<Migration>> migrations = new HashMap<>();

  private Migrator(List<ModelApp> apps, Function<ModelApp, Database> databases, PrintStream out) {
    this.apps = List.copyOf(apps);
    this.databases = databases;
    this.out = out;
  }

  /** The model apps of a running site, each on its configured database. */
  public static Migrator of(Galvani galvani, PrintStream out) {
    Orm orm = Orm.of(galvani);
    return new Migrator(
        modelApps(galvani.settings().apps()), app -> orm.database(app.database()), out);
  }

  /** {@code apps} on one database. */
  public static Migrator of(Database database, List<? extends ModelApp> apps, PrintStream out) {
    return new Migrator(List.copyOf(apps), app -> database, out);
  }

  static List<ModelApp> modelApps(List<App> apps) {
    return apps.stream().filter(ModelApp.class::isInstance).map(ModelApp.class::cast).toList();
  }

  /** Applies every pending migration of every app. */
  public void migrate() {
    List<Step> targets = new ArrayList<>();
    for (ModelApp app : apps) {
      List<Migration> list = migrations(app);
      if (!list.isEmpty()) {
        targets.add(new Step(app, list.get(list.size() - 1)));
      }
    }
    forward(targets);
  }

  /** Applies the pending migrations of {@code app} and those they depend on. */
  public void migrate(String appName) {
    ModelApp app = app(appName);
    List<Migration> list = migrations(app);
    forward(list.isEmpty() ? List.of() : List.of(new Step(app, list.get(list.size() - 1))));
  }

  /**
   * Brings {@code app} to {@code target} (a migration name, or {@link #ZERO}): applies what is
   * missing up to it, or unapplies the later migrations in reverse order.
   */
  public void migrate(String appName, String target) {
    ModelApp app = app(appName);
    int targetNumber = ZERO.equals(target) ? 0 : migration(app, target).number();
    Set<Integer> applied = applied(app);
    boolean backwards = applied.stream().anyMatch(number -> number > targetNumber);
    if (backwards) {
      backward(app, targetNumber, applied);
    } else if (targetNumber > 0) {
      forward(List.of(new Step(app, migration(app, target))));
    } else {
      out.println("No migrations to unapply.");
    }
  }

  /** Each migration of {@code app} and whether it is applied, in order. */
  public List<MigrationStatus> status(String appName) {
    ModelApp app = app(appName);
    Set<Integer> applied = applied(app);
    return migrations(app).stream()
        .map(
            migration ->
                new MigrationStatus(
                    app.name(), migration.name(), applied.contains(migration.number())))
        .toList();
  }

  /**
   * The SQL {@code migration} of {@code app} runs on its database's vendor (or, {@code backwards},
   * the SQL that unapplies it), each operation's statements after a comment naming it. Runs
   * nothing.
   */
  public List<String> sql(String appName, String migrationName, boolean backwards) {
    ModelApp app = app(appName);
    Migration migration = migration(app, migrationName);
    List<Migration> list = migrations(app);
    SchemaState state = SchemaState.replay(list.subList(0, list.indexOf(migration)));
    var vendor = databases.apply(app).vendor();
    List<String> statements = new ArrayList<>();
    if (backwards) {
      for (Reversal reversal : reversals(app, migration, state)) {
        statements.addAll(sqlOf(reversal.operation(), vendor, reversal.before()));
      }
      return statements;
    }
    for (Operation operation : migration.operations()) {
      SchemaState before = state.copy();
      operation.applyTo(state);
      statements.addAll(sqlOf(operation, vendor, before));
    }
    return statements;
  }

  /** A comment naming the operation, then its statements. */
  private static List<String> sqlOf(
      Operation operation, dev.galvani.orm.Vendor vendor, SchemaState before) {
    List<String> lines = new ArrayList<>();
    lines.add("-- " + operation.describe());
    if (operation instanceof CodeOperations.RunJava) {
      lines.add("-- (Java code: no SQL to show)");
    }
    operation.sql(vendor, before).forEach(sql -> lines.add(sql + ";"));
    return lines;
  }

  /** The app named {@code name}; an unknown name fails listing the valid ones. */
  public ModelApp app(String name) {
    return apps.stream()
        .filter(app -> app.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no app named '"
                        + name
                        + "' has models; the apps with models are "
                        + apps.stream().map(App::name).toList()));
  }

  /** The apps this migrator works on, in settings order. */
  public List<ModelApp> apps() {
    return apps;
  }

  /** The migrations of {@code app}, in order. */
  public List<Migration> migrations(ModelApp app) {
    return migrations.computeIfAbsent(app.name(), name -> MigrationLoader.load(app));
  }

  Migration migration(ModelApp app, String name) {
    return migrations(app).stream()
        .filter(migration -> migration.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the app '"
                        + app.name()
                        + "' has no migration "
                        + name
                        + "; its migrations are "
                        + migrations(app).stream().map(Migration::name).toList()
                        + (name.equals(ZERO) ? "" : " (or zero)")));
  }

  // ---- forward

  private record Step(ModelApp app, Migration migration) {
    String label() {
      return app.name() + "." + migration.name();
    }
  }

  private void forward(List<Step> targets) {
    List<Step> plan = plan(targets);
    Map<String, Set<Integer>> applied = new HashMap<>();
    List<Step> pending = new ArrayList<>();
    for (Step step : plan) {
      Set<Integer> done = applied.computeIfAbsent(step.app().name(), name -> applied(step.app()));
      if (!done.contains(step.migration().number())) {
        pending.add(step);
      }
    }
    // an edited applied migration must be reported even when nothing is pending
    plan.stream().map(Step::app).distinct().forEach(this::validate);
    if (pending.isEmpty()) {
      out.println("No migrations to apply.");
      return;
    }
    // consecutive steps of one app run in one Flyway call, up to the last of them
    for (int start = 0; start < pending.size(); ) {
      int end = start;
      while (end + 1 < pending.size() && pending.get(end + 1).app() == pending.get(start).app()) {
        end++;
      }
      Step last = pending.get(end);
      runFlyway(last.app(), FlywayMigration.version(last.migration()));
      start = end + 1;
    }
  }

  /** The steps {@code targets} need, dependencies first (depth-first, in declaration order). */
  private List<Step> plan(List<Step> targets) {
    LinkedHashSet<String> done = new LinkedHashSet<>();
    List<Step> plan = new ArrayList<>();
    for (Step target : targets) {
      visit(target, done, new HashSet<>(), plan);
    }
    return plan;
  }

  private void visit(Step step, Set<String> done, Set<String> visiting, List<Step> plan) {
    if (done.contains(step.label())) {
      return;
    }
    if (!visiting.add(step.label())) {
      throw new MigrationError(
          "the migrations depend on each other in a circle through "
              + step.label()
              + "; remove one of the dependencies");
    }
    List<Migration> list = migrations(step.app());
    int index = list.indexOf(step.migration());
    if (index > 0) {
      visit(new Step(step.app(), list.get(index - 1)), done, visiting, plan);
    }
    for (String dependency : step.migration().dependencies()) {
      visit(dependency(step, dependency), done, visiting, plan);
    }
    visiting.remove(step.label());
    done.add(step.label());
    plan.add(step);
  }

  private Step dependency(Step step, String dependency) {
    int dot = dependency.indexOf('.');
    if (dot < 0) {
      throw new MigrationError(
          step.label() + " names the dependency '" + dependency + "'; write it as app.V0001_Name");
    }
    try {
      ModelApp app = app(dependency.substring(0, dot));
      return new Step(app, migration(app, dependency.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      throw new MigrationError(
          step.label() + " depends on " + dependency + ", which cannot be found: " + e.getMessage(),
          e);
    }
  }

  private void runFlyway(ModelApp app, MigrationVersion target) {
    try {
      flyway(app, Optional.of(target)).migrate();
    } catch (FlywayException e) {
      throw new MigrationError(
          "migrating '" + app.name() + "' failed: " + e.getMessage().strip(), e);
    }
  }

  private Flyway flyway(
      ModelApp app, Optional<MigrationVersion> target, String... ignoredMigrationPatterns) {
    Database database = databases.apply(app);
    List<Migration> list = migrations(app);
    List<JavaMigration> javaMigrations = new ArrayList<>();
    for (int index = 0; index < list.size(); index++) {
      javaMigrations.add(
          new FlywayMigration(
              app.name(), list.get(index), list.subList(0, index), database.vendor(), out));
    }
    var configuration =
        Flyway.configure(app.getClass().getClassLoader())
            .dataSource(database.dataSource())
            .table(historyTable(app))
            .skipDefaultResolvers(true)
            .skipDefaultCallbacks(true)
            .failOnMissingLocations(false)
            .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
            // the schema holds other apps' tables: start this app's history below version 1
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .baselineDescription("<< before the first migration of " + app.name() + " >>");
    target.ifPresent(configuration::target);
    if (ignoredMigrationPatterns.length > 0) {
      configuration.ignoreMigrationPatterns(ignoredMigrationPatterns);
    }
    return configuration.load();
  }

  /** Fails when an applied migration of {@code app} was edited or is missing. */
  private void validate(ModelApp app) {
    ValidateResult result;
    try {
      result = flyway(app, Optional.empty(), "*:pending", "*:future").validateWithResult();
    } catch (FlywayException e) {
      throw new MigrationError("validating '" + app.name() + "' failed: " + e.getMessage(), e);
    }
    if (!result.validationSuccessful) {
      throw new MigrationError(
          "migrating '"
              + app.name()
              + "' failed: "
              + result.getAllErrorMessages().strip()
              + "\nAn applied migration was changed or removed: undo the change, or write a new"
              + " migration instead");
    }
  }

  /** The name of {@code app}'s Flyway history table. */
  public static String historyTable(ModelApp app) {
    return "flyway_schema_history_" + app.name().toLowerCase(Locale.ROOT).replaceAll("\\W", "_");
  }

  private Set<Integer> applied(ModelApp app) {
    if (migrations(app).isEmpty()) {
      return Set.of();
    }
    Set<Integer> applied = new HashSet<>();
    try {
      for (MigrationInfo info : flyway(app, Optional.empty()).info().applied()) {
        if (info.getVersion() != null
            && info.getState().isApplied()
            && !info.getState().isFailed()) {
          int number = Integer.parseInt(info.getVersion().getVersion());
          if (number > 0) {
            applied.add(number);
          }
        }
      }
    } catch (FlywayException e) {
      throw new MigrationError(
          "cannot read the migration history of '" + app.name() + "': " + e.getMessage(), e);
    }
    return applied;
  }

  // ---- backward

  /** One reverse operation and the state it runs against. */
  private record Reversal(Operation original, Operation operation, SchemaState before) {}

  private void backward(ModelApp app, int targetNumber, Set<Integer> applied) {
    List<Migration> list = migrations(app);
    List<Migration> undo = new ArrayList<>();
    for (int index = list.size() - 1; index >= 0; index--) {
      Migration migration = list.get(index);
      if (migration.number() > targetNumber && applied.contains(migration.number())) {
        undo.add(migration);
      }
    }
    checkNoAppliedDependents(app, undo);
    Map<Migration, List<Reversal>> plans = new LinkedHashMap<>();
    for (Migration migration : undo) {
      SchemaState before = SchemaState.replay(list.subList(0, list.indexOf(migration)));
      plans.put(migration, reversals(app, migration, before));
    }
    Database database = databases.apply(app);
    for (Map.Entry<Migration, List<Reversal>> entry : plans.entrySet()) {
      unapply(app, database, entry.getKey(), entry.getValue());
    }
  }

  /** The reverse operations of {@code migration}, last first; fails on an irreversible one. */
  private List<Reversal> reversals(ModelApp app, Migration migration, SchemaState before) {
    SchemaState state = before.copy();
    List<Reversal> forward = new ArrayList<>();
    for (Operation operation : migration.operations()) {
      SchemaState stateBefore = state.copy();
      operation.applyTo(state);
      Operation reverse =
          operation
              .reverse(stateBefore)
              .orElseThrow(
                  () ->
                      new MigrationError(
                          app.name()
                              + "."
                              + migration.name()
                              + " cannot be unapplied: its operation '"
                              + operation.describe()
                              + "' is irreversible; give it a reverse (runSql with reverse SQL,"
                              + " runJava with a backward part) or migrate to a later target"));
      forward.add(new Reversal(operation, reverse, state.copy()));
    }
    List<Reversal> reversed = new ArrayList<>(forward);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private void checkNoAppliedDependents(ModelApp app, List<Migration> undo) {
    Set<String> undone = new HashSet<>();
    undo.forEach(migration -> undone.add(app.name() + "." + migration.name()));
    for (ModelApp other : apps) {
      if (other == app || migrations(other).isEmpty()) {
        continue;
      }
      Set<Integer> otherApplied = applied(other);
      for (Migration migration : migrations(other)) {
        for (String dependency : migration.dependencies()) {
          if (undone.contains(dependency) && otherApplied.contains(migration.number())) {
            throw new MigrationError(
                other.name()
                    + "."
                    + migration.name()
                    + " depends on "
                    + dependency
                    + " and is applied; migrate "
                    + other.name()
                    + " back before it first");
          }
        }
      }
    }
  }

  private void unapply(
      ModelApp app, Database database, Migration migration, List<Reversal> reversals) {
    out.print("Unapplying " + app.name() + "." + migration.name() + "...");
    out.flush();
    long started = System.nanoTime();
    try (Connection connection = database.dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        MigrationContext context = new MigrationContext(connection, database.vendor());
        for (Reversal reversal : reversals) {
          // the reverse runs against the state after the original operation
          reversal.operation().execute(context, reversal.before());
        }
        try (PreparedStatement delete =
            connection.prepareStatement(
                // Flyway creates the table with quoted lower-case names, which H2 keeps as they are
                "DELETE FROM "
                    + quoted(database, historyTable(app))
                    + " WHERE "
                    + quoted(database, "version")
                    + " = ?")) {
          delete.setString(1, Integer.toString(migration.number()));
          delete.executeUpdate();
        }
        connection.commit();
      } catch (Exception e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (Exception e) {
      out.println(" FAILED");
      throw new MigrationError(
          "unapplying " + app.name() + "." + migration.name() + " failed: " + e.getMessage(), e);
    }
    out.println(" OK (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
  }

  private static String quoted(Database database, String name) {
    String quote = database.vendor() == dev.galvani.orm.Vendor.MARIADB ? "`" : "\"";
    return quote + name + quote;
  }
}
