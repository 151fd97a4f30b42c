package dev.galvani.orm;

import dev.galvani.core.App;
import java.util.List;

/**
 * An app that owns entities: lists its JPA entity classes and keeps its migrations in the package
 * {@link #migrationsPackage()} ({@code <app package>.migrations} unless overridden).
 *
 * <pre>{@code
 * public final class PollsApp implements ModelApp {
 *   public String name() { return "polls"; }
 *   public List<Class<?>> models() { return List.of(Question.class, Choice.class); }
 * }
 * }</pre>
 */
public interface ModelApp extends App {
  /** The app's entity classes. */
  List<Class<?>> models();

  /** The Java package holding the app's migration classes. */
  default String migrationsPackage() {
    return getClass().getPackageName() + ".migrations";
  }

  /** Which named database the app's models live in. */
  default String database() {
    return OrmSettings.DEFAULT;
  }
}
