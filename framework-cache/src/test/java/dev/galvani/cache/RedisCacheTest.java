package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.cache.Cache;
import dev.galvani.core.cache.CacheContract;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RedisCache} passes the cache contract on the real Redis server, and survives its loss. */
class RedisCacheTest extends CacheContract {
  private RedisCache redis;

  @Override
  protected Cache newCache() {
    // snippet:redis
    redis =
        new RedisCache(
            TestRedis.url(),
            "galvani-test:" + UUID.randomUUID() + ":",
            Duration.ofSeconds(2),
            true);
    // end-snippet
    return redis;
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.clear();
      redis.close();
    }
  }

  @Test
  void clear_deletesOnlyItsOwnKeys() {
    try (RedisCache other =
        new RedisCache(
            TestRedis.url(),
            "galvani-other:" + UUID.randomUUID() + ":",
            Duration.ofSeconds(2),
            true)) {
      other.set("kept", bytes("still here"), Duration.ofMinutes(1));
      cache.set("gone", bytes("bye"), Duration.ofMinutes(1));
      cache.clear();
      assertTrue(cache.get("gone").isEmpty());
      assertEquals(
          "still here", new String(other.get("kept").orElseThrow(), StandardCharsets.UTF_8));
      other.clear();
    }
  }

  @Test
  void redisUnreachable_readsMiss_writesAreDropped_andNothingHangs() throws Exception {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + closed;
    assertTimeoutPreemptively(
        Duration.ofSeconds(15),
        () -> {
          try (RedisCache down = new RedisCache(url, "down:", Duration.ofSeconds(1), true)) {
            assertTrue(down.get("anything").isEmpty());
            down.set("anything", bytes("dropped"), Duration.ofMinutes(1));
            assertFalse(down.add("anything", bytes("dropped"), Duration.ofMinutes(1)));
            assertFalse(down.delete("anything"));
            down.clear();
          }
        });
    RedisCache.CacheUnavailable refused =
        assertThrows(
            RedisCache.CacheUnavailable.class,
            () -> new RedisCache(url, "down:", Duration.ofSeconds(1), false));
    assertTrue(refused.getMessage().contains("cannot be reached"), refused.getMessage());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void clear_withoutAPrefix_isRefusedRatherThanEmptyingTheDatabase() {
    try (RedisCache bare = new RedisCache(TestRedis.url(), "", Duration.ofSeconds(2), true)) {
      var refused = assertThrows(IllegalStateException.class, bare::clear);
      assertTrue(refused.getMessage().contains("key_prefix"), refused.getMessage());
    }
  }
}
