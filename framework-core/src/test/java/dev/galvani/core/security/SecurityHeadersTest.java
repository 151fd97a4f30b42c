package dev.galvani.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecurityHeadersTest {
  private final TestClient client = new TestClient(new Galvani(SecuritySite.settings()));

  private static void assertDefaultHeaders(TestResponse response, String what) {
    assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(""), what);
    assertEquals("same-origin", response.header("Referrer-Policy").orElse(""), what);
    assertEquals("same-origin", response.header("Cross-Origin-Opener-Policy").orElse(""), what);
    assertEquals("DENY", response.header("X-Frame-Options").orElse(""), what);
  }

  @Test
  void everyResponse_carriesTheDefaultSecurityHeaders() {
    assertDefaultHeaders(client.get("/"), "200");
    assertDefaultHeaders(client.get("/nowhere/"), "404");
    assertDefaultHeaders(client.get("/files/a%2Fb"), "400 malformed path");
    assertDefaultHeaders(client.post("/comment/", java.util.Map.of()), "200 post");
    assertDefaultHeaders(
        new TestClient(new Galvani(SecuritySite.settings()))
            .enforceCsrfChecks(true)
            .post("/comment/", java.util.Map.of()),
        "403 csrf");
  }

  @Test
  void headersSetByTheView_areNeverOverwritten() {
    TestResponse response = client.get("/own-headers/");
    assertEquals("SAMEORIGIN", response.header("X-Frame-Options").orElseThrow());
    assertEquals("no-referrer", response.header("Referrer-Policy").orElseThrow());
  }

  @Test
  void xFrameOptions_exemptViewCanBeFramed() {
    assertTrue(client.get("/embed/").header("X-Frame-Options").isEmpty());
  }

  @Test
  void hosts_outsideAllowedHostsOrMalformed_are400() {
    for (String host :
        List.of(
            "evil.com",
            "a@evil",
            "localhost:abc",
            "localhost:80:80",
            "local host",
            "example.com.evil.net",
            "[::1",
            "exa mple.org",
            "x".repeat(300))) {
      TestResponse response = client.request("GET", "/").header("Host", host).send();
      assertEquals(400, response.status(), host.length() > 40 ? "long host" : host);
      assertFalse(response.text().contains("home"));
    }
    TestResponse duplicate =
        client.request("GET", "/").header("Host", "localhost").header("Host", "evil.com").send();
    assertEquals(400, duplicate.status());
  }

  @Test
  void hosts_refused_areLoggedOnTheSecurityLogger() {
    Logger logger = (Logger) LoggerFactory.getLogger("galvani.security");
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    Level before = logger.getLevel();
    logger.setLevel(Level.WARN);
    try {
      client.request("GET", "/").header("Host", "evil.com").send();
      assertEquals(1, captured.list.size());
      String line = captured.list.get(0).getFormattedMessage();
      assertTrue(line.contains("'evil.com' is not in ALLOWED_HOSTS"), line);
    } finally {
      logger.setLevel(before);
      logger.detachAppender(captured);
    }
  }

  @Test
  void hosts_listedOrSubdomainOfDotPattern_areAccepted() {
    for (String host :
        List.of("localhost:8000", "EXAMPLE.com", "example.org", "www.example.org.")) {
      assertEquals(200, client.request("GET", "/").header("Host", host).send().status(), host);
    }
  }

  @Test
  void absoluteUrls_useOnlyTheValidatedHost() {
    assertEquals(
        "http://example.com",
        client.request("GET", "/absolute/").header("Host", "example.com").send().text());
  }

  @Test
  void sslRedirect_keepsPathAndQuery() {
    TestClient secure = new TestClient(new Galvani(SecuritySite.settings().sslRedirect(true)));
    TestResponse response = secure.get("/form/?a=1&b=2");
    assertEquals(301, response.status());
    assertEquals("https://localhost/form/?a=1&b=2", response.header("Location").orElseThrow());
    TestResponse evilHost = secure.request("GET", "/form/").header("Host", "evil.com").send();
    assertEquals(400, evilHost.status(), "never redirect to an unvalidated host");
  }

  @Test
  void hsts_isSentOnlyOverHttpsWhenConfigured() {
    Settings settings =
        SecuritySite.settings().hsts(31_536_000, true, true).trustedProxies(List.of("10.0.0.1"));
    TestClient proxied = new TestClient(new Galvani(settings)).remoteAddress("10.0.0.1");
    assertTrue(proxied.get("/").header("Strict-Transport-Security").isEmpty(), "not over http");
    TestResponse https = proxied.request("GET", "/").header("X-Forwarded-Proto", "https").send();
    assertEquals(
        "max-age=31536000; includeSubDomains; preload",
        https.header("Strict-Transport-Security").orElseThrow());
  }

  @Test
  void csp_sendsAFreshNonceThatTemplatesUse() {
    TestClient csp =
        new TestClient(
            new Galvani(
                SecuritySite.settings()
                    .contentSecurityPolicy(
                        "default-src 'self'; script-src 'self' {nonce}", false)));
    TestResponse first = csp.get("/form/");
    String header = first.header("Content-Security-Policy").orElseThrow();
    String nonce = header.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertTrue(first.text().contains("<script nonce=\"" + nonce + "\">"), first.text());
    String second = csp.get("/form/").header("Content-Security-Policy").orElseThrow();
    assertFalse(header.equals(second), "a new nonce per request");
    TestClient reportOnly =
        new TestClient(
            new Galvani(SecuritySite.settings().contentSecurityPolicy("default-src 'self'", true)));
    TestResponse report = reportOnly.get("/");
    assertEquals(
        "default-src 'self'", report.header("Content-Security-Policy-Report-Only").orElseThrow());
    assertTrue(report.header("Content-Security-Policy").isEmpty());
  }
}
