package dev.galvani.orm;

import java.time.Duration;

/**
 * How to reach one named database and how big its pool is. Immutable; the {@code with...} methods
 * return a changed copy.
 *
 * @param poolSize the most connections the pool holds (HikariCP's maximumPoolSize)
 * @param connectionTimeout how long a request waits for a connection before it answers 503
 * @param statementCacheSize prepared statements cached per connection by the driver (0 turns the
 *     cache off)
 * @param batchFetchSize how many lazy relations of the same kind one query loads at once when the
 *     first is touched (1 turns batching off, and every lazy load is its own query)
 */
public record DatabaseConfig(
    String name,
    DatabaseUrl url,
    int poolSize,
    Duration connectionTimeout,
    Duration maxLifetime,
    int statementCacheSize,
    int batchFetchSize) {

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  public static DatabaseConfig of(String name, String url) {
    return new DatabaseConfig(
        name,
        DatabaseUrl.parse(url),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        Duration.ofMinutes(30),
        250,
        32);
  }

  public DatabaseConfig withPoolSize(int size) {
    return new DatabaseConfig(
        name, url, size, connectionTimeout, maxLifetime, statementCacheSize, batchFetchSize);
  }

  public DatabaseConfig withConnectionTimeout(Duration timeout) {
    return new DatabaseConfig(
        name, url, poolSize, timeout, maxLifetime, statementCacheSize, batchFetchSize);
  }

  public DatabaseConfig withMaxLifetime(Duration lifetime) {
    return new DatabaseConfig(
        name, url, poolSize, connectionTimeout, lifetime, statementCacheSize, batchFetchSize);
  }

  public DatabaseConfig withStatementCacheSize(int size) {
    return new DatabaseConfig(
        name, url, poolSize, connectionTimeout, maxLifetime, size, batchFetchSize);
  }

  public DatabaseConfig withBatchFetchSize(int size) {
    return new DatabaseConfig(
        name, url, poolSize, connectionTimeout, maxLifetime, statementCacheSize, Math.max(1, size));
  }
}
