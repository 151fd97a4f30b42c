package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.Response;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RequestResponseTest {
  private final TestClient client = new TestClient(TestSite.galvani());

  @Test
  void query_keepsRepeatedValuesAndDecodesUtf8() {
    JsonNode query = client.get("/query/?tag=a&tag=b&name=J%C3%BCrgen+M&empty=").json();
    assertEquals("a", query.get("tag").get(0).asString());
    assertEquals("b", query.get("tag").get(1).asString());
    assertEquals("Jürgen M", query.get("name").get(0).asString());
    assertEquals("", query.get("empty").get(0).asString());
  }

  @Test
  void form_urlencodedFieldsAreParsed() {
    JsonNode form = client.post("/form/", Map.of("title", "Hi & bye", "n", "3")).json();
    assertEquals("Hi & bye", form.get("title").get(0).asString());
    assertEquals("3", form.get("n").get(0).asString());
  }

  @Test
  void form_withTooManyFields_isBadRequestNamingTheLimit() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= 1000; i++) {
      body.append(i == 0 ? "" : "&").append("f").append(i).append("=x");
    }
    TestResponse response =
        client
            .request("POST", "/form/")
            .body(body.toString(), "application/x-www-form-urlencoded")
            .send();
    assertEquals(400, response.status());
    assertTrue(response.text().contains("Too many form fields"), response.text());
    assertTrue(response.text().contains("maxFormFields"), response.text());
  }

  @Test
  void body_overTheLimit_isPayloadTooLarge() {
    TestClient small = new TestClient(new Galvani(TestSite.settings().maxRequestBodyBytes(1024)));
    TestResponse response =
        small
            .request("POST", "/form/")
            .body("a=" + "x".repeat(2000), "application/x-www-form-urlencoded")
            .send();
    assertEquals(413, response.status());
    assertTrue(response.text().contains("maxRequestBodyBytes"), response.text());
    // a chunked body (no Content-Length) is counted while read
    TestResponse chunked =
        small
            .request("POST", "/form/")
            .body("a=" + "x".repeat(2000), "application/x-www-form-urlencoded")
            .declaredLength(-1)
            .send();
    assertEquals(413, chunked.status());
  }

  @Test
  void json_bodyIsBoundToARecord() {
    JsonNode point = client.postJson("/json/", Map.of("x", 3, "y", 4)).json();
    assertEquals(3, point.get("x").asInt());
    assertEquals(4, point.get("y").asInt());
  }

  @Test
  void json_malformed_isBadRequestSayingWhere() {
    TestResponse response =
        client
            .request("POST", "/json/")
            .body("{\"x\": 1,", "application/json")
            .header("Accept", "application/json")
            .send();
    assertEquals(400, response.status());
    String detail = response.json().get("detail").asString();
    assertTrue(detail.startsWith("Malformed JSON body"), detail);
  }

  @Test
  void json_wrongShape_namesTheFieldWithoutJavaClassNames() {
    TestResponse response =
        client
            .request("POST", "/json/")
            .body("{\"x\": \"three\", \"y\": 1}", "application/json")
            .header("Accept", "application/json")
            .send();
    assertEquals(400, response.status());
    String detail = response.json().get("detail").asString();
    assertTrue(detail.contains("$.x"), detail);
    assertFalse(detail.contains("dev.galvani"), detail);
    assertFalse(detail.contains("java.lang"), detail);
  }

  @Test
  void json_tooDeep_isBadRequest() {
    String deep = "[".repeat(100) + "]".repeat(100);
    TestResponse response =
        client.request("POST", "/json-tree/").body(deep, "application/json").send();
    assertEquals(400, response.status());
    assertTrue(response.text().contains("nesting depth"), response.text());
  }

  @Test
  void json_emptyBody_isBadRequest() {
    TestResponse response = client.request("POST", "/json/").body("", "application/json").send();
    assertEquals(400, response.status());
    assertTrue(response.text().contains("empty body"), response.text());
  }

  @Test
  void multipart_fieldsAndSmallUpload() {
    TestResponse response =
        client
            .request("POST", "/upload/")
            .body(
                multipart(
                    part("title", null, "Report"),
                    part("doc", "../../etc/report.txt", "hello world")),
                MULTIPART)
            .send();
    assertEquals(200, response.status(), response.text());
    JsonNode body = response.json();
    assertEquals("Report", body.get("fields").get("title").get(0).asString());
    assertEquals("report.txt", body.get("doc").get("filename").asString());
    assertEquals(11, body.get("doc").get("size").asInt());
    assertEquals("hello", body.get("doc").get("start").asString());
  }

  @Test
  void multipart_largeUploadIsStreamedToDiskAndDeletedAfterTheRequest(@TempDir Path temp)
      throws IOException {
    Settings settings = TestSite.settings().uploadMemoryThreshold(1024).uploadTempDir(temp);
    TestClient uploads = new TestClient(new Galvani(settings));
    String big = "x".repeat(200_000);
    TestResponse response =
        uploads
            .request("POST", "/upload/")
            .body(multipart(part("doc", "big.bin", big)), MULTIPART)
            .send();
    assertEquals(200, response.status(), response.text());
    assertEquals(200_000, response.json().get("doc").get("size").asInt());
    try (Stream<Path> left = Files.list(temp)) {
      assertEquals(0, left.count(), "temporary upload files must be deleted");
    }
  }

  @Test
  void multipart_withoutFinalBoundary_isBadRequest() {
    String truncated = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx";
    TestResponse response = client.request("POST", "/upload/").body(truncated, MULTIPART).send();
    assertEquals(400, response.status());
  }

  @Test
  void multipart_withHundredThousandEmptyParts_isRejectedQuickly() {
    String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n";
    String body = part.repeat(100_000) + "--" + BOUNDARY + "--\r\n";
    TestResponse response =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> client.request("POST", "/upload/").body(body, MULTIPART).send());
    assertEquals(400, response.status());
    assertTrue(response.text().contains("Too many form fields"), response.text());
  }

  @Test
  void multipart_withoutBoundary_isBadRequest() {
    TestResponse response =
        client.request("POST", "/upload/").body("x", "multipart/form-data").send();
    assertEquals(400, response.status());
    assertTrue(response.text().contains("boundary"), response.text());
  }

  @Test
  void cookies_areSetAndSentBackByTheClient() {
    TestResponse set = client.get("/cookies/set/");
    String header = set.cookies().get(0).toHeader();
    assertTrue(header.startsWith("plain=hello; Path=/"), header);
    assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Lax"), header);
    JsonNode read = client.get("/cookies/read/").json();
    assertEquals("hello", read.get("plain").asString());
    assertEquals("user-42", read.get("signed").asString());
  }

  @Test
  void signedCookie_keepsTheCookieAttributes() {
    Settings settings =
        TestSite.settings()
            .rootUrls(
                () ->
                    List.of(
                        dev.galvani.core.urls.Urls.path(
                            "",
                            request ->
                                Response.text("ok")
                                    .signedCookie(
                                        request,
                                        Cookie.of("s", "v")
                                            .secure(true)
                                            .sameSite("Strict")
                                            .maxAge(Duration.ofHours(1))))));
    String header = new TestClient(new Galvani(settings)).get("/").cookies().get(0).toHeader();
    assertTrue(header.contains("; Max-Age=3600"), header);
    assertTrue(header.contains("; Secure"), header);
    assertTrue(header.contains("SameSite=Strict"), header);
  }

  @Test
  void signedCookie_tamperedOrForged_isIgnored() {
    client.get("/cookies/set/");
    String signed = client.cookies().get("signed");
    String forged = signed.replace(signed.substring(0, 4), "dXNl");
    client.cookie("signed", forged.equals(signed) ? "x" + signed : forged);
    assertEquals("-", client.get("/cookies/read/").json().get("signed").asString());
    client.cookie("signed", "a".repeat(100_000));
    TestResponse garbage = client.get("/cookies/read/");
    assertEquals(200, garbage.status());
    assertEquals("-", garbage.json().get("signed").asString());
  }

  @Test
  void cookieValue_withSemicolonOrLineBreak_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x; Secure"));
    assertThrows(IllegalArgumentException.class, () -> Cookie.of("a", "x\r\nSet-Cookie: b=c"));
    assertThrows(IllegalArgumentException.class, () -> new Headers().set("X", "a\r\nInjected: 1"));
  }

  @Test
  void clientIp_ignoresForwardedHeadersUnlessThePeerIsTrusted() {
    TestResponse direct =
        client
            .request("GET", "/client/")
            .header("X-Forwarded-For", "6.6.6.6")
            .header("X-Forwarded-Proto", "https")
            .send();
    assertEquals("127.0.0.1", direct.json().get("ip").asString());
    assertEquals("http", direct.json().get("scheme").asString());

    // snippet:trusted-proxies
    TestClient proxied =
        new TestClient(
                new Galvani(
                    TestSite.settings()
                        .trustedProxies(List.of("10.0.0.1"))
                        .allowedHosts(List.of("example.com"))))
            .remoteAddress("10.0.0.1");
    JsonNode body =
        proxied
            .request("GET", "/client/")
            .header("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "example.com")
            .send()
            .json();
    assertEquals("203.0.113.9", body.get("ip").asString());
    assertEquals("https", body.get("scheme").asString());
    assertEquals("example.com", body.get("host").asString());
    // end-snippet
  }

  @Test
  void redirect_toLocalPath() {
    TestResponse response = client.get("/redirect/");
    assertEquals(302, response.status());
    assertEquals("/articles/7/", response.header("Location").orElseThrow());
    TestResponse followed =
        new TestClient(TestSite.galvani()).followRedirects(true).get("/redirect/");
    assertEquals(List.of("/articles/7/"), followed.redirectChain());
    assertEquals(200, followed.status());
  }

  @Test
  void redirect_refusesUnsafeTargets() {
    for (String target :
        List.of(
            "https://evil.com",
            "//evil.com",
            "/\\evil.com",
            "javascript:alert(1)",
            "/ok\r\nSet-Cookie: a=b",
            "evil.com")) {
      assertThrows(IllegalArgumentException.class, () -> Response.redirect(target), target);
    }
    assertEquals(500, client.get("/unsafe-redirect/").status());
  }

  @Test
  void head_hasNoBodyButKeepsContentLength() {
    TestResponse response = client.head("/page/");
    assertEquals(200, response.status());
    assertEquals(0, response.bytes().length);
    int full = client.get("/page/").bytes().length;
    assertEquals(Integer.toString(full), response.header("Content-Length").orElseThrow());
  }

  @Test
  void file_servesRangesAndValidators() {
    // snippet:file-ranges
    TestResponse whole = client.get("/file/");
    assertEquals(200, whole.status());
    assertEquals(100, whole.bytes().length);
    assertEquals("bytes", whole.header("Accept-Ranges").orElseThrow());

    TestResponse range = client.request("GET", "/file/").header("Range", "bytes=10-14").send();
    assertEquals(206, range.status());
    assertEquals("klmno", range.text());
    assertEquals("bytes 10-14/100", range.header("Content-Range").orElseThrow());

    TestResponse suffix = client.request("GET", "/file/").header("Range", "bytes=-3").send();
    assertEquals("tuv", suffix.text());

    TestResponse unsatisfiable =
        client.request("GET", "/file/").header("Range", "bytes=500-600").send();
    assertEquals(416, unsatisfiable.status());
    assertEquals("bytes */100", unsatisfiable.header("Content-Range").orElseThrow());

    String etag = whole.header("ETag").orElseThrow();
    TestResponse cached = client.request("GET", "/file/").header("If-None-Match", etag).send();
    assertEquals(304, cached.status());
    // end-snippet
    assertEquals(0, cached.bytes().length);
  }

  @Test
  void conditionalGet_answers304WhenTheEtagMatches() {
    assertEquals("fresh", client.get("/etag/").text());
    TestResponse notModified =
        client.request("GET", "/etag/").header("If-None-Match", "\"v0\", \"v1\"").send();
    assertEquals(304, notModified.status());
    TestResponse since =
        client
            .request("GET", "/etag/")
            .header("If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT")
            .send();
    assertEquals(304, since.status());
  }

  @Test
  void stream_writesTheBody() {
    assertEquals("streamed", client.get("/stream/").text());
  }

  private static final String BOUNDARY = "galvaniBoundary7MA4YWxk";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private static String part(String name, String filename, String content) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/plain")
        + "\r\n\r\n"
        + content
        + "\r\n";
  }

  private static byte[] multipart(String... parts) {
    return (String.join("", parts) + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }
}
