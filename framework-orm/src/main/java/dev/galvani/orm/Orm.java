package dev.galvani.orm;

import dev.galvani.core.Galvani;
import dev.galvani.core.ImproperlyConfigured;
import dev.galvani.core.http.Key;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's databases, published by {@link OrmApp} when the runtime starts. Thread-safe.
 *
 * <pre>{@code
 * Database db = Orm.of(galvani).database();          // "default"
 * Database reports = Orm.of(galvani).database("reports");
 * }</pre>
 */
public final class Orm {
  public static final Key<Orm> KEY = Key.of("orm", Orm.class);

  private final Map<String, Database> databases;

  Orm(Map<String, Database> databases) {
    this.databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
  }

  /** The ORM of a running site; fails naming the fix when {@link OrmApp} is not installed. */
  public static Orm of(Galvani galvani) {
    return galvani
        .service(KEY)
        .orElseThrow(
            () ->
                new ImproperlyConfigured(
                    "orm.E004: the ORM is not installed; add new OrmApp() to Settings.apps"));
  }

  /** Shorthand for {@code Orm.of(galvani).database()}. */
  public static Database database(Galvani galvani) {
    return of(galvani).database();
  }

  /** The {@code default} database. */
  public Database database() {
    return database(OrmSettings.DEFAULT);
  }

  public Database database(String name) {
    Database database = databases.get(name);
    if (database == null) {
      throw new IllegalArgumentException(
          "No database named '" + name + "'; the configured ones are " + databases.keySet());
    }
    return database;
  }

  /** All databases by name, in settings order. */
  public Map<String, Database> databases() {
    return databases;
  }
}
