package dev.galvani.orm;

import dev.galvani.core.Env;
import dev.galvani.core.http.Key;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The ORM's settings, kept in {@code Settings} under {@link #KEY}: the named databases and whether
 * every request runs in one transaction. Without them the site gets one H2 database in file mode at
 * {@code db/site} under the working folder.
 *
 * <pre>{@code
 * set(OrmSettings.KEY, OrmSettings.fromEnv(env(), "h2:file:db/polls").atomicRequests(true));
 * }</pre>
 */
public final class OrmSettings {
  public static final Key<OrmSettings> KEY = Key.of("orm.settings", OrmSettings.class);
  public static final String DEFAULT = "default";

  private final Map<String, DatabaseConfig> databases = new LinkedHashMap<>();
  private boolean atomicRequests;
  private boolean warnOnLazyLoadsInLoops = true;

  /** One {@code default} database at {@code url}. */
  public static OrmSettings of(String url) {
    return new OrmSettings().database(DEFAULT, url);
  }

  /**
   * The default database from {@code DATABASE_URL}, with {@code fallbackUrl} when it is unset;
   * {@code DATABASE_POOL_SIZE} and {@code DATABASE_CONNECT_TIMEOUT} (seconds) adjust the pool.
   */
  public static OrmSettings fromEnv(Env env, String fallbackUrl) {
    OrmSettings settings = of(env.str("DATABASE_URL", fallbackUrl));
    return settings.configure(
        DEFAULT,
        config ->
            config
                .withPoolSize(env.integer("DATABASE_POOL_SIZE", DatabaseConfig.DEFAULT_POOL_SIZE))
                .withConnectionTimeout(
                    Duration.ofSeconds(
                        env.integer(
                            "DATABASE_CONNECT_TIMEOUT",
                            (int) DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT.toSeconds()))));
  }

  /** Adds (or replaces) a named database. */
  public OrmSettings database(String name, String url) {
    databases.put(name, DatabaseConfig.of(name, url));
    return this;
  }

  /** Adjusts a named database's pool and timeouts. */
  public OrmSettings configure(String name, UnaryOperator<DatabaseConfig> change) {
    DatabaseConfig config = databases.get(name);
    if (config == null) {
      throw new IllegalArgumentException(
          "No database named '" + name + "'; the configured ones are " + databases.keySet());
    }
    databases.put(name, change.apply(config));
    return this;
  }

  /** Runs each request's view in one transaction: an exception rolls back, a response commits. */
  public OrmSettings atomicRequests(boolean atomic) {
    this.atomicRequests = atomic;
    return this;
  }

  /** In DEBUG, logs a warning when a view lazily loads the same relation again and again (N+1). */
  public OrmSettings warnOnLazyLoadsInLoops(boolean warn) {
    this.warnOnLazyLoadsInLoops = warn;
    return this;
  }

  public Map<String, DatabaseConfig> databases() {
    return Collections.unmodifiableMap(databases);
  }

  public boolean atomicRequests() {
    return atomicRequests;
  }

  public boolean warnOnLazyLoadsInLoops() {
    return warnOnLazyLoadsInLoops;
  }
}
