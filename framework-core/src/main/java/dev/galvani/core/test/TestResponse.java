package dev.galvani.core.test;

import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What the TestClient got back: status, headers, body, and the template that rendered it. */
public final class TestResponse {
  private final Response response;
  private final byte[] body;
  private final List<String> redirectChain;

  TestResponse(Response response, List<String> redirectChain) {
    this.response = response;
    this.body = response.bodyBytes();
    this.redirectChain = List.copyOf(redirectChain);
  }

  public int status() {
    return response.status();
  }

  public Optional<String> header(String name) {
    return response.headers().first(name);
  }

  public Headers headers() {
    return response.headers();
  }

  public List<Cookie> cookies() {
    return response.cookies();
  }

  public byte[] bytes() {
    return body.clone();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    return Json.standard().mapper().readTree(body);
  }

  public <T> T json(Class<T> type) {
    return Json.standard().mapper().readValue(body, type);
  }

  /** The template that rendered the page, if one did. */
  public Optional<String> templateName() {
    return response.templateName();
  }

  /** The template context (view context plus context processors). */
  public Map<String, Object> context() {
    return response.context();
  }

  /** The URLs redirected through when redirects were followed, in order. */
  public List<String> redirectChain() {
    return redirectChain;
  }

  @Override
  public String toString() {
    return "TestResponse(" + status() + ", " + text().length() + " chars)";
  }
}
