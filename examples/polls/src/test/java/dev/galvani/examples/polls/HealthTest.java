package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.galvani.core.test.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example's health endpoints, as Docker's HEALTHCHECK and a load balancer call them. */
class HealthTest {
  private final TestSites site = TestSites.withSampleQuestions();

  @AfterEach
  void closeSite() {
    site.close();
  }

  @Test
  void readiness_checksTheDatabaseAndTheCache_fromAnyHost() {
    TestResponse ready = site.client.request("GET", "/readyz").header("Host", "172.17.0.2").send();
    assertEquals(200, ready.status());
    assertEquals(
        "{\"status\":\"ok\",\"checks\":{\"database:default\":\"ok\",\"cache\":\"ok\"}}",
        ready.text());
  }
}
