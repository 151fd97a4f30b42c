package dev.galvani.core;

import dev.galvani.core.checks.Check;
import dev.galvani.core.commands.Command;
import dev.galvani.core.health.Probe;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.templates.ContextProcessor;
import java.util.List;
import org.thymeleaf.dialect.IDialect;

/**
 * A Django-style app: one feature packaged with its checks, commands and template hooks. Its
 * templates live on the classpath under {@code templates/<app name>/} and its static files under
 * {@code static/<app name>/}. List apps in {@link Settings#apps}.
 */
public interface App {
  /** A short lower-case name, also the folder of its templates and static files. */
  String name();

  /** Startup checks; their errors stop the site from starting. */
  default List<Check> checks() {
    return List.of();
  }

  /** Checks run only by {@code check --deploy}. */
  default List<Check> deployChecks() {
    return List.of();
  }

  /** Management commands the app adds to the fat JAR. */
  default List<Command> commands() {
    return List.of();
  }

  /** Template context processors (user, messages, CSRF token, ...). */
  default List<ContextProcessor> contextProcessors() {
    return List.of();
  }

  /** Thymeleaf dialects the app contributes (e.g. a CSRF field processor). */
  default List<IDialect> templateDialects() {
    return List.of();
  }

  /**
   * Layers wrapped directly around every view, inside the error handling, so they see a view's
   * exceptions rather than its error page (the ORM's per-request transaction uses this). They run
   * after all of {@link Settings#middleware}, in app order, the first app's outermost.
   */
  default List<Middleware> viewMiddleware() {
    return List.of();
  }

  /**
   * Checks of the services this app needs (a database, a shared cache), run by {@code
   * HealthMiddleware}'s readiness endpoint.
   */
  default List<Probe> readinessProbes() {
    return List.of();
  }

  /** Called once when the runtime is built, to publish services under typed keys. */
  default void ready(Galvani galvani) {}
}
