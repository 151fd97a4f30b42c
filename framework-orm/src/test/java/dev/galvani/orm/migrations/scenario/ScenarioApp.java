package dev.galvani.orm.migrations.scenario;

import dev.galvani.orm.ModelApp;
import java.util.List;

/**
 * The scenario's app, whose models change from test step to test step. Its migrations are written
 * by makemigrations into a temporary source folder and compiled there, never into the test sources.
 */
public record ScenarioApp(List<Class<?>> models) implements ModelApp {
  public static final String NAME = "migsc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String migrationsPackage() {
    return "dev.galvani.orm.migrations.scenario.generated";
  }
}
