package dev.galvani.cache;

import dev.galvani.core.cache.Cache;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache: Redis through Lettuce, one multiplexed connection per cache (Lettuce's
 * recommended use; it reconnects by itself). Every key is stored under a prefix, so several sites
 * or versions can share a server and {@link #clear()} deletes only this cache's keys (never {@code
 * FLUSHDB}). Each command has a timeout, and a disconnected client fails at once instead of
 * queueing.
 *
 * <p>When Redis cannot be reached, by default reads miss and writes are dropped with a warning (at
 * most one every 10 s), so the site keeps serving; {@code failOpen=false} makes them throw {@link
 * CacheUnavailable} instead. Thread-safe.
 */
public final class RedisCache implements Cache, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("galvani.cache");
  private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final String prefix;
  private final boolean failOpen;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

  /**
   * @param url {@code redis://host:port/db} (with {@code rediss://} for TLS, user and password as
   *     in the URL)
   * @param prefix put before every key, such as {@code "polls:"}
   * @param timeout for connecting and for each command
   * @param failOpen whether an unreachable Redis means misses (true) or exceptions (false)
   */
  public RedisCache(String url, String prefix, Duration timeout, boolean failOpen) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    this.prefix = prefix;
    this.failOpen = failOpen;
    StatefulRedisConnection<String, byte[]> connected;
    try {
      connected = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      if (!failOpen) {
        client.shutdown();
        throw new CacheUnavailable(
            "Redis at " + uri.getHost() + ":" + uri.getPort() + " cannot be reached", e);
      }
      warn("connect", e);
      connected = null;
    }
    this.connection = connected;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return call("get", redis -> Optional.ofNullable(redis.get(prefix + key)), Optional.empty());
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    long millis = millis(ttl);
    call("set", redis -> redis.set(prefix + key, value, SetArgs.Builder.px(millis)), null);
  }

  @Override
  public boolean add(String key, byte[] value, Duration ttl) {
    long millis = millis(ttl);
    return call(
        "add",
        redis -> "OK".equals(redis.set(prefix + key, value, SetArgs.Builder.nx().px(millis))),
        false);
  }

  @Override
  public boolean delete(String key) {
    return call("delete", redis -> redis.del(prefix + key) > 0, false);
  }

  /** Deletes this cache's keys (those under its prefix) with SCAN, never the whole database. */
  @Override
  public void clear() {
    call(
        "clear",
        redis -> {
          ScanCursor cursor = ScanCursor.INITIAL;
          ScanArgs match = ScanArgs.Builder.matches(escaped(prefix) + "*").limit(500);
          do {
            var page = redis.scan(cursor, match);
            List<String> keys = page.getKeys();
            if (!keys.isEmpty()) {
              redis.unlink(keys.toArray(String[]::new));
            }
            cursor = page;
          } while (!cursor.isFinished());
          return null;
        },
        null);
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private <R> R call(String operation, Function<RedisCommands<String, byte[]>, R> command, R miss) {
    try {
      if (connection == null) {
        throw new CacheUnavailable("Redis was not reachable when the cache started", null);
      }
      return command.apply(connection.sync());
    } catch (RuntimeException e) {
      if (!failOpen) {
        throw e instanceof CacheUnavailable unavailable
            ? unavailable
            : new CacheUnavailable("Redis " + operation + " failed: " + e.getMessage(), e);
      }
      warn(operation, e);
      return miss;
    }
  }

  private void warn(String operation, RuntimeException e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn(
          "The Redis cache is unavailable ({} failed: {}); reads miss and writes are dropped",
          operation,
          e.getMessage());
    }
  }

  private static long millis(Duration ttl) {
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("A cache timeout must be positive, not " + ttl);
    }
    return Math.max(1, ttl.toMillis());
  }

  /** The prefix with Redis glob characters escaped, for SCAN MATCH. */
  private static String escaped(String prefix) {
    return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
  }

  /** Redis could not be reached, or refused a command, and the cache is set to fail closed. */
  public static final class CacheUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CacheUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
