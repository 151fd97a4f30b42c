package dev.galvani.examples.benchmark;

import dev.galvani.core.Env;
import dev.galvani.orm.DatabaseUrl;

/**
 * The database both targets use, read the same way on both sides: {@code DATABASE_URL} (an
 * in-memory H2 database when unset, so the site starts anywhere; the measured runs use PostgreSQL)
 * and {@code DATABASE_POOL_SIZE}. Immutable.
 *
 * @param url the parsed {@code DATABASE_URL}: JDBC URL, user and password
 * @param poolSize the most connections each target's pool holds
 */
public record BenchmarkDatabase(DatabaseUrl url, int poolSize) {
  /** Used when {@code DATABASE_URL} is unset. */
  public static final String FALLBACK_URL = "h2:mem:benchmark";

  /**
   * Pool size when {@code DATABASE_POOL_SIZE} is unset. On 2 cores shared by wrk, the server and
   * PostgreSQL, a few more connections than cores keep the database busy while requests wait on the
   * network; more only add contention.
   */
  public static final int DEFAULT_POOL_SIZE = 8;

  public static BenchmarkDatabase fromEnv(Env env) {
    return new BenchmarkDatabase(
        DatabaseUrl.parse(env.str("DATABASE_URL", FALLBACK_URL)),
        env.integer("DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE));
  }
}
