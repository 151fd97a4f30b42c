package dev.galvani.orm.test;

import dev.galvani.orm.Vendor;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find their database servers: {@code GALVANI_TEST_POSTGRES_URL} and {@code
 * GALVANI_TEST_MARIADB_URL} (H2 needs none). A backend whose variable is unset is skipped, except
 * under {@code CI=true}, where a skipped backend fails the build.
 */
public final class TestDatabases {
  private static final Map<Vendor, String> VARIABLES =
      Map.of(
          Vendor.POSTGRESQL, "GALVANI_TEST_POSTGRES_URL",
          Vendor.MARIADB, "GALVANI_TEST_MARIADB_URL");

  private TestDatabases() {}

  /**
   * The URL of a test database of {@code vendor}: a fresh in-memory one for H2, the server from the
   * environment for the others. Skips the test (or fails it in CI) when none is configured.
   */
  public static String url(Vendor vendor) {
    if (vendor == Vendor.H2) {
      return "h2:mem:test-" + UUID.randomUUID();
    }
    String variable = VARIABLES.get(vendor);
    Optional<String> url =
        Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    if (url.isEmpty()) {
      String why = variable + " is not set, so the " + vendor.id() + " tests cannot run";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why + "; CI must run every backend (see .ci/run)");
      }
      Assumptions.abort(why);
    }
    return url.get();
  }
}
