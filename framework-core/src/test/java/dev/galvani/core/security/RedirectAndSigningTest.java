package dev.galvani.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectAndSigningTest {
  private final TestClient client = new TestClient(new Galvani(SecuritySite.settings()));

  private String redirectFor(String next) {
    return client
        .get("/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
        .header("Location")
        .orElseThrow();
  }

  @Test
  void next_offSiteTargetsAreRefused() {
    for (String attack :
        List.of(
            "//evil.com",
            "https://evil.com",
            "/\\evil.com",
            "\\\\evil.com",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "http:evil.com",
            "///evil.com",
            "https://evil.com@localhost.x",
            " //evil.com",
            "/\r\nSet-Cookie: a=b",
            "data:text/html,x")) {
      assertEquals("/", redirectFor(attack), attack);
    }
  }

  @Test
  void next_localTargetsAreKept() {
    assertEquals("/polls/?page=2", redirectFor("/polls/?page=2"));
    assertEquals("http://localhost/x/", redirectFor("http://localhost/x/"));
  }

  @Test
  void signer_rotatedKeysStillVerifyAndTheNewKeySigns() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Signer old = new Signer("old-key", List.of(), "salt", clock);
    Signer rotated = new Signer("new-key", List.of("old-key"), "salt", clock);
    Signer newOnly = new Signer("new-key", List.of(), "salt", clock);
    String signedBefore = old.sign("user-42");
    assertEquals(Optional.of("user-42"), rotated.unsign(signedBefore));
    assertEquals(Optional.empty(), newOnly.unsign(signedBefore), "once the fallback is dropped");
    assertEquals(Optional.of("x"), newOnly.unsign(rotated.sign("x")), "the new key signs");
    assertEquals(
        Optional.empty(),
        new Signer("new-key", List.of(), "other-salt", clock).unsign(rotated.sign("x")),
        "salts separate uses");
  }

  @Test
  void signer_expiredSignaturesAreRefused() {
    Signer then =
        new Signer(
            "k",
            List.of(),
            "s",
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    Signer later =
        new Signer(
            "k",
            List.of(),
            "s",
            Clock.fixed(Instant.parse("2026-01-01T02:00:00Z"), ZoneOffset.UTC));
    String token = then.sign("reset");
    assertEquals(Optional.of("reset"), later.unsign(token, Duration.ofHours(3)));
    assertEquals(Optional.empty(), later.unsign(token, Duration.ofHours(1)));
  }

  @Test
  void signedCookies_surviveAKeyRotation() {
    Galvani before = new Galvani(SecuritySite.settings());
    String signed = before.cookieSigner("prefs").sign("dark");
    Galvani after =
        new Galvani(
            SecuritySite.settings()
                .secretKey(Secret.of("a-brand-new-secret-key-after-rotation-0123456789abcdefghij"))
                .secretKeyFallbacks(List.of(before.settings().secretKey())));
    assertEquals(Optional.of("dark"), after.cookieSigner("prefs").unsign(signed));
  }

  @Test
  void deployCheck_reportsEveryUnsafeSetting() {
    List<String> ids =
        new Galvani(
                SecuritySite.settings()
                    .debug(true)
                    .csrfTrustedOrigins(List.of("http://admin.example.com")))
            .check(true).stream().map(CheckMessage::id).toList();
    assertTrue(
        ids.containsAll(
            List.of(
                "security.W004",
                "security.W008",
                "security.W016",
                "security.W018",
                "security.W026")),
        ids.toString());
    List<String> hardened =
        new Galvani(
                SecuritySite.settings()
                    .hsts(31_536_000, true, false)
                    .sslRedirect(true)
                    .csrfCookieSecure(true))
            .check(true).stream().map(CheckMessage::id).toList();
    assertTrue(
        hardened.stream()
            .noneMatch(
                id -> List.of("security.W004", "security.W008", "security.W016").contains(id)),
        hardened.toString());
  }

  @Test
  void next_safeButUnusualTargets_fallBackInsteadOfFailing() {
    for (String next :
        List.of("dashboard", "?page=2", "/a\\b", "//localhost/x", "https://localhost\\@evil.com")) {
      TestResponse response =
          client.get("/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      assertEquals(302, response.status(), next);
      assertEquals("/", response.header("Location").orElseThrow(), next);
    }
  }
}
