package dev.galvani.core;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.http.Response;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.core.urls.NoReverseMatch;
import dev.galvani.core.urls.UrlResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UrlDispatchTest {
  private final Galvani galvani = TestSite.galvani();
  private final TestClient client = new TestClient(galvani);

  @Test
  void intConverter_capturesAnInteger() {
    JsonNode body = client.get("/articles/42/").json();
    assertEquals("article", body.get("route").asString());
    assertEquals("Integer:42", body.get("id").asString());
  }

  @Test
  void intConverter_withTooLargeNumber_isNotFoundNot500() {
    assertEquals(404, client.get("/articles/99999999999999999999/").status());
  }

  @Test
  void slugStrUuidAndPathConverters_captureTheirSegments() {
    assertEquals("String:a-b_c", client.get("/articles/2024/a-b_c/").json().get("slug").asString());
    assertEquals("Integer:2024", client.get("/articles/2024/x/").json().get("year").asString());
    assertEquals("String:java", client.get("/tags/java/").json().get("tag").asString());
    assertEquals(
        "UUID:123e4567-e89b-12d3-a456-426614174000",
        client.get("/things/123e4567-e89b-12d3-a456-426614174000/").json().get("id").asString());
    assertEquals("String:a/b/c.txt", client.get("/files/a/b/c.txt").json().get("rest").asString());
  }

  @Test
  void slugConverter_withInvalidCharacters_isNotFound() {
    assertEquals(404, client.get("/articles/2024/not%20a%20slug/").status());
    assertEquals(404, client.get("/articles/24/slug/").status()); // custom converter wants 4 digits
    assertEquals(404, client.get("/things/not-a-uuid/").status());
  }

  // snippet:include
  @Test
  void include_nestsPrefixesAndNamespaces() {
    assertEquals("blog index", client.get("/blog/").text());
    JsonNode post = client.get("/blog/2025/hello/").json();
    assertEquals("blog:archive:post", post.get("route").asString());
    assertEquals("Integer:2025", post.get("year").asString());
  }

  // end-snippet

  // snippet:reverse
  @Test
  void reverse_buildsUrlsFromPositionalNamedAndQueryArguments() {
    UrlResolver urls = galvani.urls();
    assertEquals("/", urls.reverse("home"));
    assertEquals("/articles/5/", urls.reverse("article", 5));
    assertEquals("/articles/0999/my-post/", urls.reverse("article-by-year", 999, "my-post"));
    assertEquals(
        "/blog/2025/hi/", urls.reverse("blog:archive:post", Map.of("year", 2025, "slug", "hi")));
    assertEquals("/files/a/b%20c.txt", urls.reverse("files", "a/b c.txt"));
    assertEquals(
        "/articles/5/?page=2&q=a%26b",
        urls.reverse("article", List.of(5), queryOf("page", 2, "q", "a&b")));
  }

  // end-snippet

  private static Map<String, Object> queryOf(Object... pairs) {
    Map<String, Object> query = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.put((String) pairs[i], pairs[i + 1]);
    }
    return query;
  }

  @Test
  void reverse_withMissingArgument_failsNamingTheRouteAndExpectedArguments() {
    NoReverseMatch error = assertThrows(NoReverseMatch.class, () -> galvani.reverse("article"));
    assertTrue(error.getMessage().contains("'article'"), error.getMessage());
    assertTrue(error.getMessage().contains("<int:id>"), error.getMessage());
  }

  @Test
  void reverse_withWrongArgumentType_failsNamingTheConverter() {
    NoReverseMatch error =
        assertThrows(NoReverseMatch.class, () -> galvani.reverse("article", "abc"));
    assertTrue(error.getMessage().contains("id=abc"), error.getMessage());
    assertTrue(error.getMessage().contains("[0-9]+"), error.getMessage());
  }

  @Test
  void reverse_withUnknownName_listsTheKnownNames() {
    NoReverseMatch error = assertThrows(NoReverseMatch.class, () -> galvani.reverse("artcle", 1));
    assertTrue(error.getMessage().contains("'artcle'"), error.getMessage());
    assertTrue(error.getMessage().contains("article"), error.getMessage());
  }

  @Test
  void methods_otherMethodIsAnswered405WithAllow() {
    TestResponse response = client.get("/only-post/");
    assertEquals(405, response.status());
    assertEquals("POST", response.header("Allow").orElseThrow());
    assertEquals(200, client.request("POST", "/only-post/").send().status());
  }

  // snippet:methods
  @Test
  void methods_sameUrlWithDifferentViewsPerMethod() {
    assertEquals("list", client.get("/items/").text());
    assertEquals(201, client.request("POST", "/items/").send().status());
    TestResponse delete = client.request("DELETE", "/items/").send();
    assertEquals(405, delete.status());
    assertEquals("GET, HEAD, POST", delete.header("Allow").orElseThrow());
  }

  // end-snippet

  @Test
  void appendSlash_redirectsGetPermanentlyKeepingTheQuery() {
    TestResponse response = client.get("/articles/42?x=1&y=2");
    assertEquals(301, response.status());
    assertEquals("/articles/42/?x=1&y=2", response.header("Location").orElseThrow());
  }

  @Test
  void appendSlash_doesNotRedirectPostOrUnknownPaths() {
    assertEquals(404, client.request("POST", "/articles/42").send().status());
    assertEquals(404, client.get("/nothing-here").status());
  }

  @Test
  void appendSlash_canBeTurnedOff() {
    TestClient strict = new TestClient(new Galvani(TestSite.settings().appendSlash(false)));
    assertEquals(404, strict.get("/articles/42").status());
  }

  @Test
  void malformedPaths_areBadRequestsNeverServerErrors() {
    for (String path :
        List.of(
            "/articles/%00/",
            "/files/a%2Fb",
            "/files/%2e%2e/etc/passwd",
            "/files/../x",
            "/files/%C3%28",
            "/files/%zz",
            "/files/a\\b",
            "/files/%")) {
      TestResponse response = client.get(path);
      assertEquals(400, response.status(), path + " -> " + response.text());
      assertFalse(response.text().contains("Exception"), path);
    }
  }

  @Test
  void resolution_followsTheDeclaredOrderLikeDjango() {
    Settings settings =
        TestSite.settings()
            .rootUrls(
                () ->
                    List.of(
                        path("<str:slug>/", request -> Response.text("slug")).methods("GET"),
                        path("about/", request -> Response.text("about")),
                        path("contact/", request -> Response.text("contact")).methods("POST")));
    TestClient ordered = new TestClient(new Galvani(settings));
    assertEquals("slug", ordered.get("/about/").text());
    assertEquals("slug", ordered.get("/contact/").text(), "GET falls to the earlier pattern");
    assertEquals("contact", ordered.request("POST", "/contact/").send().text());
  }

  @Test
  void head_onMalformedPath_hasNoBody() {
    TestResponse response = client.head("/files/a%2Fb");
    assertEquals(400, response.status());
    assertEquals(0, response.bytes().length);
  }

  @Test
  void veryLongPath_isNotFound() {
    assertEquals(404, client.get("/" + "a".repeat(10_000)).status());
  }

  @Test
  void unknownConverter_failsAtStartupWithCheckId() {
    Settings settings =
        TestSite.settings().rootUrls(() -> List.of(path("<year2:y>/", r -> Response.text(""))));
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("urls.E001"), error.getMessage());
    assertTrue(error.getMessage().contains("unknown converter 'year2'"), error.getMessage());
  }

  @Test
  void patternWithLeadingSlash_failsAtStartup() {
    Settings settings =
        TestSite.settings().rootUrls(() -> List.of(path("/polls/", r -> Response.text(""))));
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("starts with '/'"), error.getMessage());
  }

  @Test
  void urlsCommand_listsEveryRoute() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int code =
        Galvani.execute(
            TestSite.settings(), List.of("urls"), new java.io.PrintStream(out), System.err);
    assertEquals(0, code);
    String listing = out.toString();
    assertTrue(listing.contains("/articles/<int:id>/"), listing);
    assertTrue(listing.contains("blog:archive:post"), listing);
    assertTrue(listing.contains("POST"), listing);
  }
}
