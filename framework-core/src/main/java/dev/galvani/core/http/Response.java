package dev.galvani.core.http;

import dev.galvani.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response. Views build one with a factory ({@link #text}, {@link #html}, {@link #json},
 * {@link #render}, {@link #redirect}, {@link #file}, {@link #stream}) and middleware may add
 * headers and cookies on the way out. One response belongs to one request: not thread-safe.
 */
public final class Response {
  public static final String HTML = "text/html; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";
  public static final String JSON = "application/json";

  private int status;
  private final Headers headers = new Headers();
  private final List<Cookie> cookies = new ArrayList<>(0);
  private byte[] body;
  private BodyWriter streamingBody;
  private long streamingLength = -1;
  private String templateName;
  private Map<String, Object> context;

  private Response(int status, byte[] body, String contentType) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
  }

  /** An empty response with this status. */
  public static Response status(int status) {
    return new Response(status, new byte[0], null);
  }

  /** A {@code text/plain} response. */
  public static Response text(String text) {
    return new Response(200, text.getBytes(StandardCharsets.UTF_8), TEXT);
  }

  /** A {@code text/html} response from ready HTML (use {@link #render} for templates). */
  public static Response html(String html) {
    return new Response(200, html.getBytes(StandardCharsets.UTF_8), HTML);
  }

  /** A response with these bytes and content type. */
  public static Response bytes(byte[] body, String contentType) {
    return new Response(200, body.clone(), contentType);
  }

  /** A JSON response: the value serialized with Jackson (records, maps, lists, beans). */
  public static Response json(Object value) {
    return new Response(200, Json.standard().write(value), JSON);
  }

  /**
   * Renders a Thymeleaf template with the request's context processors and this context.
   *
   * <pre>{@code
   * return Response.render(request, "polls/index.html", Map.of("questions", questions));
   * }</pre>
   */
  public static Response render(Request request, String template, Map<String, ?> context) {
    return request.galvani().templates().render(request, template, context);
  }

  /** Built by the template engine: keeps the template name and context for tests. */
  public static Response rendered(String html, String template, Map<String, Object> context) {
    Response response = html(html);
    response.templateName = template;
    response.context = Collections.unmodifiableMap(context);
    return response;
  }

  /**
   * A 302 redirect to a path on this site. Absolute URLs, scheme-relative {@code //host} and {@code
   * /\host} targets are refused, so user input cannot send visitors elsewhere; use {@link
   * #redirectExternal} for a target you trust.
   */
  public static Response redirect(String location) {
    return redirectTo(302, SafeUrls.requireLocalPath(location));
  }

  /** A 301 redirect to a path on this site. */
  public static Response permanentRedirect(String location) {
    return redirectTo(301, SafeUrls.requireLocalPath(location));
  }

  /** A 302 redirect to any absolute http(s) URL; never pass user input here unchecked. */
  public static Response redirectExternal(String url) {
    return redirectTo(302, SafeUrls.requireHttpUrl(url));
  }

  private static Response redirectTo(int status, String location) {
    Response response = new Response(status, new byte[0], null);
    response.headers.set("Location", location);
    return response;
  }

  /**
   * Serves a file with Content-Type, Last-Modified, ETag, conditional GET (304) and byte ranges
   * (206/416). A missing file is a 404.
   */
  public static Response file(Request request, Path file) {
    return FileResponses.serve(request, file, null);
  }

  /** Serves a file with a content type you choose. */
  public static Response file(Request request, Path file, String contentType) {
    return FileResponses.serve(request, file, contentType);
  }

  /** A response whose body is written as it is produced, without a Content-Length. */
  public static Response stream(String contentType, BodyWriter writer) {
    Response response = new Response(200, null, contentType);
    response.streamingBody = writer;
    return response;
  }

  /** 304 Not Modified. */
  public static Response notModified() {
    return status(304);
  }

  // ---- building on a response ----

  public Response withStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100-599, not " + status);
    }
    this.status = status;
    return this;
  }

  /** Sets a header, replacing earlier values. */
  public Response header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  /**
   * Adds header names to {@code Vary} (Django's {@code patch_vary_headers}), keeping those already
   * there; nothing changes when it holds {@code *}.
   */
  public Response varyOn(String... names) {
    String current = String.join(", ", headers.all("Vary")).trim();
    StringBuilder vary = new StringBuilder(current);
    for (String name : names) {
      boolean present = false;
      for (String existing : vary.toString().split(",")) {
        String trimmed = existing.trim();
        if (trimmed.equals("*") || trimmed.equalsIgnoreCase(name)) {
          present = true;
          break;
        }
      }
      if (!present) {
        vary.append(vary.isEmpty() ? "" : ", ").append(name);
      }
    }
    if (!vary.toString().equals(current)) {
      headers.set("Vary", vary.toString());
    }
    return this;
  }

  public Response cookie(Cookie cookie) {
    cookies.removeIf(existing -> existing.name().equals(cookie.name()));
    cookies.add(cookie);
    return this;
  }

  /** Tells the browser to drop a cookie. */
  public Response deleteCookie(String name) {
    return cookie(Cookie.of(name, "").maxAge(java.time.Duration.ZERO));
  }

  /**
   * Sets a cookie whose value is signed with the SECRET_KEY, so {@link Request#signedCookie}
   * returns it only unaltered. The value itself is readable by the client: sign, not encrypt.
   */
  public Response signedCookie(Request request, Cookie cookie) {
    String signed = request.galvani().cookieSigner(cookie.name()).sign(cookie.value());
    return cookie(cookie.withValue(signed));
  }

  /** Streams {@code length} bytes written by a writer (used for files and ranges). */
  Response streamed(BodyWriter writer, long length) {
    this.body = null;
    this.streamingBody = writer;
    this.streamingLength = length;
    return this;
  }

  // ---- reading a response ----

  public int status() {
    return status;
  }

  public Headers headers() {
    return headers;
  }

  public List<Cookie> cookies() {
    return Collections.unmodifiableList(cookies);
  }

  /** The body bytes when the body is in memory; empty for streamed bodies. */
  public Optional<byte[]> body() {
    return Optional.ofNullable(body);
  }

  /** The streamed body writer, when the body is streamed. */
  public Optional<BodyWriter> streamingBody() {
    return Optional.ofNullable(streamingBody);
  }

  /** The length of the body when it is known in advance, else -1. */
  public long contentLength() {
    return body != null ? body.length : streamingLength;
  }

  /** Drops the body (HEAD responses), keeping Content-Length. */
  public void dropBody() {
    if (body != null) {
      headers.setIfAbsent("Content-Length", Integer.toString(body.length));
    } else if (streamingLength >= 0) {
      headers.setIfAbsent("Content-Length", Long.toString(streamingLength));
    }
    body = new byte[0];
    streamingBody = null;
    streamingLength = -1;
  }

  /** The body as bytes, reading a streamed body into memory (tests, error pages). */
  public byte[] bodyBytes() {
    if (body != null) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      streamingBody.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The template that rendered this response, if a template did. */
  public Optional<String> templateName() {
    return Optional.ofNullable(templateName);
  }

  /** The context the template was rendered with; empty when no template rendered. */
  public Map<String, Object> context() {
    return context == null ? Map.of() : context;
  }

  @Override
  public String toString() {
    return "Response(" + status + ")";
  }
}
