package dev.galvani.orm;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.checks.Check;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.commands.Command;
import dev.galvani.core.middleware.Middleware;
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
        list.addAll(modelApp.models());
      }
    }
    Map<String, Database> databases = new LinkedHashMap<>();
    for (DatabaseConfig config : settings.databases().values()) {
      Database database = Database.open(config, models.get(config.name()));
      databases.put(config.name(), database);
      galvani.onClose(database);
    }
    orm = new Orm(databases);
    galvani.publish(Orm.KEY, orm);
  }

  @Override
  public List<Check> checks() {
    return List.of(OrmApp::modelsAreEntities);
  }

  private static List<CheckMessage> modelsAreEntities(Galvani galvani) {
    List<CheckMessage> messages = new ArrayList<>();
    for (App app : galvani.settings().apps()) {
      if (app instanceof ModelApp modelApp) {
        for (Class<?> model : modelApp.models()) {
          if (!model.isAnnotationPresent(Entity.class)) {
            messages.add(
                CheckMessage.error(
                    "orm.E003",
                    model.getName() + " is listed in the models of '" + app.name() + "'",
                    "annotate it with @jakarta.persistence.Entity or remove it from models()"));
          }
        }
      }
    }
    return messages;
  }

  @Override
  public List<Middleware> viewMiddleware() {
    return List.of(next -> new RequestScope(() -> orm, () -> settings, next));
  }

  @Override
  public List<Command> commands() {
    return dev.galvani.orm.migrations.MigrationCommands.all();
  }
}
