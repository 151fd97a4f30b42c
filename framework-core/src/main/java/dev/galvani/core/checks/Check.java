package dev.galvani.core.checks;

import dev.galvani.core.Galvani;
import java.util.List;

/**
 * A startup check: inspects the runtime and reports problems with stable ids ({@code auth.E001}).
 * Errors stop the site from starting; warnings are logged.
 */
@FunctionalInterface
public interface Check {
  List<CheckMessage> run(Galvani galvani);
}
