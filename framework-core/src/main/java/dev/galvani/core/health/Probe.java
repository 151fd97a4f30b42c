package dev.galvani.core.health;

import dev.galvani.core.Galvani;

/**
 * One readiness check: whether a service the site needs (a database, a shared cache) answers now.
 * Apps contribute theirs through {@code App.readinessProbes()}; {@link HealthMiddleware} runs them.
 * A probe must bound its own time (a pool's connection timeout, a client's command timeout).
 */
public interface Probe {
  /** A short name shown in the readiness answer, such as {@code database:default}. */
  String name();

  /**
   * Checks the service.
   *
   * @throws Exception when it does not answer; the message is logged, never shown
   */
  void check(Galvani galvani) throws Exception;
}
