package dev.galvani.orm;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.commands.Command;
import dev.galvani.core.health.Probe;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.orm.fixtures.DbShellCommand;
import dev.galvani.orm.fixtures.DumpDataCommand;
import dev.galvani.orm.fixtures.LoadDataCommand;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the ORM: opens each database of {@link OrmSettings} with the entities of the installed
 * {@link ModelApp}s, gives every request its own session (and transaction, with {@code
 * atomicRequests}), and adds the database commands. List it before the apps that have models.
 */
public final class OrmApp implements App {
  private volatile Orm orm;
  private volatile OrmSettings settings;

  @Override
  public String name() {
    return "orm";
  }

  @Override
  public void ready(Galvani galvani) {
    settings =
        galvani.settings().get(OrmSettings.KEY).orElseGet(() -> OrmSettings.of("h2:file:db/site"));
    Map<String, List<Class<?>>> models = new LinkedHashMap<>();
    Map<Class<?>, String> appLabels = new LinkedHashMap<>();
    settings.databases().keySet().forEach(name -> models.put(name, new ArrayList<>()));
    for (App app : galvani.settings().apps()) {
      if (app instanceof ModelApp modelApp) {
        List<Class<?>> list = models.get(modelApp.database());
        if (list == null) {
          throw new ImproperlyConfigured(
              "orm.E002: the app '"
                  + app.name()
                  + "' keeps its models in the database '"
                  + modelApp.database()
                  + "', which is not configured; the configured ones are "
                  + settings.databases().keySet());
        }
        for (Class<?> model : modelApp.models()) {
          if (!model.isAnnotationPresent(Entity.class)) {
            // before Hibernate boots, which would fail with a less helpful message
            throw new ImproperlyConfigured(
                "orm.E003: "
                    + model.getName()
                    + " is listed in the models of '"
                    + app.name()
                    + "' but is not an entity; annotate it with @jakarta.persistence.Entity or"
                    + " remove it from models()");
          }
        }
        list.addAll(modelApp.models());
        modelApp.models().forEach(model -> appLabels.put(model, app.name()));
      }
    }
    Map<String, Database> databases = new LinkedHashMap<>();
    for (DatabaseConfig config : settings.databases().values()) {
      Database database = Database.open(config, models.get(config.name()), appLabels);
      databases.put(config.name(), database);
      galvani.onClose(database);
    }
    orm = new Orm(databases);
    galvani.publish(Orm.KEY, orm);
  }

  /** One probe per database: a pooled connection that answers {@code isValid} within 2 s. */
  @Override
  public List<Probe> readinessProbes() {
    if (orm == null) {
      return List.of();
    }
    List<Probe> probes = new ArrayList<>();
    orm.databases()
        .forEach(
            (name, database) ->
                probes.add(
                    new Probe() {
                      @Override
                      public String name() {
                        return "database:" + name;
                      }

                      @Override
                      public void check(Galvani galvani) throws Exception {
                        try (java.sql.Connection connection =
                            database.dataSource().getConnection()) {
                          if (!connection.isValid(2)) {
                            throw new java.sql.SQLException("the connection is not valid");
                          }
                        }
                      }
                    }));
    return probes;
  }

  @Override
  public List<Middleware> viewMiddleware() {
    return List.of(next -> new RequestScope(() -> orm, () -> settings, next));
  }

  @Override
  public List<Command> commands() {
    List<Command> commands = new ArrayList<>(dev.galvani.orm.migrations.MigrationCommands.all());
    commands.addAll(
        List.of(
            new DumpDataCommand(),
            new LoadDataCommand(),
            new DbShellCommand(),
            new StartAppCommand(),
            new WarmupCommand()));
    return commands;
  }
}
