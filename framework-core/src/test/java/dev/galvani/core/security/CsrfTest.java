package dev.galvani.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrfTest {
  private static final Pattern FIELD =
      Pattern.compile(
          "<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"([A-Za-z0-9]{64})\"/?>");

  private final Galvani galvani = new Galvani(SecuritySite.settings());
  private final TestClient browser = new TestClient(galvani).enforceCsrfChecks(true);

  private String tokenFromForm() {
    TestResponse page = browser.get("/form/");
    Matcher matcher = FIELD.matcher(page.text());
    assertTrue(matcher.find(), page.text());
    return matcher.group(1);
  }

  @Test
  void postForms_getTheHiddenFieldAutomatically_otherFormsDoNot() {
    String html = browser.get("/form/").text();
    Matcher matcher = FIELD.matcher(html);
    assertTrue(matcher.find(), html);
    assertFalse(matcher.find(), "only the local POST form gets a token: " + html);
    assertTrue(browser.cookies().containsKey("csrftoken"), "the secret cookie is set");
  }

  @Test
  void post_withTheTokenFromTheForm_isAccepted() {
    String token = tokenFromForm();
    TestResponse response =
        browser.post("/comment/", Map.of("text", "hi", "csrfmiddlewaretoken", token));
    assertEquals(200, response.status(), response.text());
    assertEquals("saved hi", response.text());
  }

  @Test
  void twoRenders_giveDifferentTokensThatBothValidate() {
    String first = tokenFromForm();
    String second = tokenFromForm();
    assertNotEquals(first, second);
    for (String token : List.of(first, second)) {
      assertEquals(200, browser.post("/comment/", Map.of("csrfmiddlewaretoken", token)).status());
    }
  }

  @Test
  void unsafeMethods_withoutOrWithBadTokens_are403AndChangeNothing() {
    String good = tokenFromForm();
    String wrong = good.substring(0, 63) + (good.charAt(63) == 'a' ? 'b' : 'a');
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      assertEquals(403, browser.request(method, "/comment/").send().status(), method + " none");
      for (String token : List.of(wrong, "short", "x".repeat(63) + "!", "%".repeat(64))) {
        TestResponse response =
            browser.request(method, "/comment/").header("X-CSRFToken", token).send();
        assertEquals(403, response.status(), method + " " + token);
        assertFalse(response.text().contains("saved"), "the view never ran");
      }
    }
  }

  @Test
  void header_withToken_isAcceptedForJsonClients() {
    String token = tokenFromForm();
    TestResponse response =
        browser.request("PUT", "/api/items/").header("X-CSRFToken", token).json(Map.of()).send();
    assertEquals(200, response.status());
  }

  @Test
  void hugeOrGarbageCsrfCookie_isReplacedNotAnError() {
    TestClient client = new TestClient(galvani).enforceCsrfChecks(true);
    client.cookie("csrftoken", "x".repeat(100_000));
    TestResponse page = client.get("/form/");
    assertEquals(200, page.status());
    assertEquals(32, client.cookies().get("csrftoken").length(), "replaced by a fresh secret");
    client.cookie("csrftoken", "!!!!");
    assertEquals(
        403, client.post("/comment/", Map.of("csrfmiddlewaretoken", "a".repeat(64))).status());
  }

  @Test
  void foreignOrNullOrigin_is403EvenWithAValidToken() {
    String token = tokenFromForm();
    for (String origin : List.of("https://evil.com", "null", "http://localhost.evil.com")) {
      TestResponse response =
          browser
              .request("POST", "/comment/")
              .header("Origin", origin)
              .form(Map.of("csrfmiddlewaretoken", token))
              .send();
      assertEquals(403, response.status(), origin);
    }
    TestResponse same =
        browser
            .request("POST", "/comment/")
            .header("Origin", "http://localhost")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(200, same.status());
  }

  @Test
  void trustedOrigins_acceptSubdomainWildcards() {
    Galvani trusting =
        new Galvani(SecuritySite.settings().csrfTrustedOrigins(List.of("https://*.example.com")));
    TestClient client = new TestClient(trusting).enforceCsrfChecks(true);
    client.get("/form/");
    String token = client.get("/token/").text();
    TestResponse sub =
        client
            .request("POST", "/comment/")
            .header("Origin", "https://admin.example.com")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(200, sub.status());
    TestResponse other =
        client
            .request("POST", "/comment/")
            .header("Origin", "https://example.com.evil.net")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(403, other.status());
  }

  @Test
  void overHttps_aMissingOrForeignRefererIs403() {
    Galvani behindProxy = new Galvani(SecuritySite.settings().trustedProxies(List.of("10.0.0.1")));
    TestClient client =
        new TestClient(behindProxy).enforceCsrfChecks(true).remoteAddress("10.0.0.1");
    String token =
        client.request("GET", "/token/").header("X-Forwarded-Proto", "https").send().text();
    TestResponse noReferer =
        client
            .request("POST", "/comment/")
            .header("X-Forwarded-Proto", "https")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(403, noReferer.status());
    TestResponse foreign =
        client
            .request("POST", "/comment/")
            .header("X-Forwarded-Proto", "https")
            .header("Referer", "https://evil.com/page")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(403, foreign.status());
    TestResponse own =
        client
            .request("POST", "/comment/")
            .header("X-Forwarded-Proto", "https")
            .header("Referer", "https://localhost/form/")
            .form(Map.of("csrfmiddlewaretoken", token))
            .send();
    assertEquals(200, own.status());
  }

  @Test
  void exemptView_acceptsPostsWithoutAToken() {
    assertEquals(200, browser.request("POST", "/webhooks/payment/").send().status());
  }

  @Test
  void rotate_makesOldTokensFail() {
    String before = tokenFromForm();
    browser.get("/rotate/");
    assertEquals(403, browser.post("/comment/", Map.of("csrfmiddlewaretoken", before)).status());
    assertEquals(
        200, browser.post("/comment/", Map.of("csrfmiddlewaretoken", tokenFromForm())).status());
  }

  @Test
  void failurePage_namesTheReasonOnlyInDebug() {
    TestResponse production = browser.post("/comment/", Map.of("text", "x"));
    assertTrue(production.text().contains("CSRF verification failed"), production.text());
    assertFalse(production.text().contains("Reason"), production.text());
    TestClient debug =
        new TestClient(new Galvani(SecuritySite.settings().debug(true))).enforceCsrfChecks(true);
    TestResponse explained = debug.post("/comment/", Map.of("text", "x"));
    assertEquals(403, explained.status());
    assertTrue(explained.text().contains("CSRF cookie not set."), explained.text());
  }

  @Test
  void testClient_skipsChecksByDefaultLikeDjango() {
    assertEquals(200, new TestClient(galvani).post("/comment/", Map.of("text", "t")).status());
  }

  @Test
  void csrfField_isNotInsertedIntoFormsPostingOffSite(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("review"));
    Files.writeString(
        dir.resolve("review/form.html"),
        "<form method=\"post\" th:action=\"${target}\"><input name=\"x\"></form>");
    AtomicReference<String> target = new AtomicReference<>();
    Galvani site =
        new Galvani(
            SecuritySite.settings()
                .templateDirs(List.of(dir))
                .rootUrls(
                    () ->
                        List.of(
                            dev.galvani.core.urls.Urls.path(
                                "f/",
                                r ->
                                    dev.galvani.core.http.Response.render(
                                        r, "review/form.html", Map.of("target", target.get()))))));
    TestClient client = new TestClient(site).enforceCsrfChecks(true);
    for (String url :
        List.of(
            "https://evil.example/c",
            "/\t/evil.example/c",
            "/\n/evil.example/c",
            "/\r\n/evil.example/c",
            "/\\evil.example/c")) {
      target.set(url);
      assertFalse(client.get("/f/").text().contains("csrfmiddlewaretoken"), url.strip());
    }
    target.set("/comment/");
    assertTrue(client.get("/f/").text().contains("csrfmiddlewaretoken"));
  }
}
