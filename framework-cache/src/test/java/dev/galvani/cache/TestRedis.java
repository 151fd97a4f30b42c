package dev.galvani.cache;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The Redis server of the tests: {@code GALVANI_TEST_REDIS_URL} ({@code .ci/run} sets it). Without
 * it the test is skipped, except under {@code CI=true}, where a skipped backend is a failure.
 */
final class TestRedis {
  private TestRedis() {}

  static String url() {
    String url = System.getenv("GALVANI_TEST_REDIS_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("GALVANI_TEST_REDIS_URL is not set, and CI may not skip the Redis tests");
      }
      Assumptions.abort("GALVANI_TEST_REDIS_URL is not set: the Redis tests are skipped");
    }
    return url;
  }
}
