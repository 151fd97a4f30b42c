package dev.galvani.cache;

import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheUrl;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final long RECONNECT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private volatile StatefulRedisConnection<String, byte[]> connection;
  private final ReentrantLock connecting = new ReentrantLock();
  private volatile long lastConnectAttempt;
  private final String address;
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
    this.address = uri.getHost() + ":" + uri.getPort();
    try {
      this.connection = client.connect(CODEC);
    } catch (RuntimeException e) {
      if (!failOpen) {
        client.shutdown();
        throw new CacheUnavailable("Redis at " + address + " cannot be reached", e);
      }
      warn("connect", e);
      lastConnectAttempt = System.nanoTime();
    }
  }

  /**
   * The connection; when Redis could not be reached at startup, a new attempt at most once a second
   * (Lettuce reconnects by itself only a connection it once made).
   */
  private StatefulRedisConnection<String, byte[]> connection() {
    StatefulRedisConnection<String, byte[]> current = connection;
    if (current != null) {
      return current;
    }
    // one thread tries while the others fail fast, so no request waits behind the attempt
    if (connecting.tryLock()) {
      try {
        if (connection == null && System.nanoTime() - lastConnectAttempt >= RECONNECT_EVERY_NANOS) {
          lastConnectAttempt = System.nanoTime();
          connection = client.connect(CODEC); // throws while Redis is still away
        }
      } finally {
        connecting.unlock();
      }
    }
    current = connection;
    if (current == null) {
      throw new CacheUnavailable("Redis at " + address + " has not been reachable yet", null);
    }
    return current;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return call("get", redis -> Optional.ofNullable(redis.get(prefix + key)), Optional.empty());
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    SetArgs args = expiry(new SetArgs(), ttl);
    call("set", redis -> redis.set(prefix + key, value, args), null);
  }

  @Override
  public boolean add(String key, byte[] value, Duration ttl) {
    SetArgs args = expiry(SetArgs.Builder.nx(), ttl);
    return call("add", redis -> "OK".equals(redis.set(prefix + key, value, args)), false);
  }

  @Override
  public Map<String, byte[]> getMany(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    String[] stored = keys.stream().map(key -> prefix + key).toArray(String[]::new);
    return call(
        "getMany",
        redis -> {
          Map<String, byte[]> found = new LinkedHashMap<>();
          for (KeyValue<String, byte[]> pair : redis.mget(stored)) {
            if (pair.hasValue()) {
              found.put(pair.getKey().substring(prefix.length()), pair.getValue());
            }
          }
          return found;
        },
        Map.of());
  }

  @Override
  public void deleteMany(Collection<String> keys) {
    if (!keys.isEmpty()) {
      String[] stored = keys.stream().map(key -> prefix + key).toArray(String[]::new);
      call("deleteMany", redis -> redis.del(stored), null);
    }
  }

  @Override
  public boolean touch(String key, Duration ttl) {
    Cache.checkTtl(ttl);
    String stored = prefix + key;
    return call(
        "touch",
        redis -> {
          if (ttl.equals(FOREVER)) {
            redis.persist(stored);
            return redis.exists(stored) > 0;
          }
          return redis.pexpire(stored, Math.max(1, ttl.toMillis()));
        },
        false);
  }

  /** Redis's INCRBY, only on an existing key, so a counter that expired is not made anew. */
  private static final String INCR_EXISTING =
      "if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1])"
          + " else return nil end";

  /**
   * {@inheritDoc} When Redis cannot be reached and the cache fails open, this throws as for a
   * missing key (counters, like values, can vanish).
   */
  @Override
  public long incr(String key, long delta) {
    Long result;
    try {
      result =
          call(
              "incr",
              redis ->
                  redis.<Long>eval(
                      INCR_EXISTING,
                      ScriptOutputType.INTEGER,
                      new String[] {prefix + key},
                      Long.toString(delta).getBytes(StandardCharsets.US_ASCII)),
              null);
    } catch (CacheUnavailable e) {
      if (e.getCause() instanceof RedisCommandExecutionException refused) {
        throw new IllegalStateException(
            "The value under cache key '" + key + "' cannot be counted: " + refused.getMessage());
      }
      throw e;
    }
    if (result == null) {
      throw Cache.missing(key);
    }
    return result;
  }

  @Override
  public boolean delete(String key) {
    return call("delete", redis -> redis.del(prefix + key) > 0, false);
  }

  /**
   * Deletes this cache's keys (those under its prefix) with SCAN, never the whole database.
   *
   * @throws IllegalStateException when the cache has no prefix, so every key would match
   */
  @Override
  public void clear() {
    if (prefix.isEmpty()) {
      throw new IllegalStateException(
          "This Redis cache has no key prefix, so clear() would delete every key in the database;"
              + " give it a key_prefix");
    }
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

  /**
   * Asks Redis for a PONG, whatever {@code failOpen} says: for readiness probes.
   *
   * @throws CacheUnavailable when Redis does not answer within the timeout
   */
  public void ping() {
    try {
      connection().sync().ping();
    } catch (CacheUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheUnavailable("Redis at " + address + " did not answer PING", e);
    }
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private <R> R call(String operation, Function<RedisCommands<String, byte[]>, R> command, R miss) {
    try {
      return command.apply(connection().sync());
    } catch (RedisCommandExecutionException e) {
      if (isRefusal(e)) {
        // Redis answered and refused this command for this value: not an outage
        throw new CacheUnavailable("Redis refused " + operation + ": " + e.getMessage(), e);
      }
      // LOADING, READONLY, OOM, BUSY, ...: the server cannot serve now, as when it is away
      return unavailable(operation, e, miss);
    } catch (RuntimeException e) {
      return unavailable(operation, e, miss);
    }
  }

  /** A command refused for the value it met (a wrong type, not a number), not a server state. */
  private static boolean isRefusal(RedisCommandExecutionException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("WRONGTYPE") || message.contains("not an integer");
  }

  private <R> R unavailable(String operation, RuntimeException e, R miss) {
    if (!failOpen) {
      throw e instanceof CacheUnavailable unavailable
          ? unavailable
          : new CacheUnavailable("Redis " + operation + " failed: " + e.getMessage(), e);
    }
    warn(operation, e);
    return miss;
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

  private static SetArgs expiry(SetArgs args, Duration ttl) {
    Cache.checkTtl(ttl);
    return ttl.equals(FOREVER) ? args : args.px(Math.max(1, ttl.toMillis()));
  }

  /** The options a {@code redis://} cache URL takes besides {@code timeout} and {@code version}. */
  public static final Set<String> URL_OPTIONS = Set.of("key_prefix", "socket_timeout", "fail_open");

  /**
   * A cache from a {@code redis://host:port/db} (or {@code rediss://} for TLS) URL, with the
   * options {@code key_prefix} (the cache's name unless given), {@code socket_timeout} in seconds
   * (1 by default) and {@code fail_open} (true by default).
   *
   * @throws dev.galvani.core.ImproperlyConfigured on unknown or wrong options
   */
  public static RedisCache fromUrl(CacheUrl url) {
    url.requireOptions(URL_OPTIONS);
    if (url.address().isEmpty()) {
      throw url.problem("has no host; write " + url.scheme() + "://host:6379/0");
    }
    String prefix = url.option("key_prefix", url.name());
    Duration timeout = url.secondsOption("socket_timeout", Duration.ofSeconds(1));
    boolean failOpen = url.boolOption("fail_open", true);
    try {
      RedisURI.create(url.scheme() + "://" + url.address());
    } catch (IllegalArgumentException e) {
      // Lettuce's message may hold the whole URL, password and all: say what, not its text
      throw url.problem(
          "is not a Redis URL: write redis://[:password@]host[:port][/database], with the password"
              + " URL-encoded");
    }
    return new RedisCache(
        url.scheme() + "://" + url.address(),
        prefix.isEmpty() ? "" : prefix + ":",
        timeout,
        failOpen);
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
