package dev.galvani.core.test;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.RawRequest;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import dev.galvani.core.security.Csrf;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends requests through the whole handler chain (middleware, URL resolver, view) without a socket,
 * keeping cookies between requests like a browser. Not thread-safe: one per test.
 *
 * <pre>{@code
 * TestClient client = new TestClient(new Galvani(new SiteSettings()));
 * TestResponse page = client.get("/polls/");
 * assertEquals(200, page.status());
 * assertEquals("polls/index.html", page.templateName().orElseThrow());
 * }</pre>
 */
public final class TestClient {
  private final Galvani galvani;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private boolean followRedirects;
  private boolean enforceCsrfChecks;
  private String remoteAddress = "127.0.0.1";

  public TestClient(Galvani galvani) {
    this.galvani = galvani;
  }

  /** Follow redirects (up to 10) and record them in {@link TestResponse#redirectChain()}. */
  public TestClient followRedirects(boolean follow) {
    this.followRedirects = follow;
    return this;
  }

  /**
   * Enforce CSRF checks (default off, like Django's test client, so tests of views need no tokens);
   * turn on to test CSRF protection itself.
   */
  public TestClient enforceCsrfChecks(boolean enforce) {
    this.enforceCsrfChecks = enforce;
    return this;
  }

  /** The peer address requests seem to come from (default 127.0.0.1). */
  public TestClient remoteAddress(String address) {
    this.remoteAddress = address;
    return this;
  }

  /** The cookies the client holds, as a browser would. */
  public Map<String, String> cookies() {
    return Map.copyOf(cookies);
  }

  public TestClient cookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  public TestResponse get(String pathAndQuery) {
    return request("GET", pathAndQuery).send();
  }

  public TestResponse head(String pathAndQuery) {
    return request("HEAD", pathAndQuery).send();
  }

  /** POSTs form fields, urlencoded. */
  public TestResponse post(String path, Map<String, String> form) {
    return request("POST", path).form(form).send();
  }

  /** POSTs a value as JSON. */
  public TestResponse postJson(String path, Object value) {
    return request("POST", path).json(value).send();
  }

  /** Starts a request with any method, headers and body. */
  public RequestBuilder request(String method, String pathAndQuery) {
    return new RequestBuilder(method, pathAndQuery);
  }

  /** A request being built; {@link #send()} runs it. */
  public final class RequestBuilder {
    private final String method;
    private final String pathAndQuery;
    private final Headers headers = new Headers();
    private byte[] body = new byte[0];
    private long declaredLength = -2;

    RequestBuilder(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    public RequestBuilder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    public RequestBuilder body(byte[] bytes, String contentType) {
      this.body = bytes.clone();
      headers.set("Content-Type", contentType);
      return this;
    }

    public RequestBuilder body(String text, String contentType) {
      return body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public RequestBuilder form(Map<String, String> fields) {
      StringBuilder encoded = new StringBuilder();
      fields.forEach(
          (name, value) -> {
            if (encoded.length() > 0) {
              encoded.append('&');
            }
            encoded
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          });
      return body(encoded.toString(), "application/x-www-form-urlencoded");
    }

    public RequestBuilder json(Object value) {
      return body(Json.standard().write(value), "application/json");
    }

    /** Declares a Content-Length different from the body (-1 for unknown, like chunked). */
    public RequestBuilder declaredLength(long length) {
      this.declaredLength = length;
      return this;
    }

    public TestResponse send() {
      List<String> chain = new ArrayList<>();
      Response response = exchange(method, pathAndQuery, headers, body, declaredLength);
      String currentMethod = method;
      while (followRedirects && isRedirect(response.status()) && chain.size() < 10) {
        String location = response.headers().first("Location").orElseThrow();
        chain.add(location);
        boolean keepMethod = response.status() == 307 || response.status() == 308;
        currentMethod = keepMethod ? currentMethod : "GET";
        response =
            exchange(currentMethod, location, new Headers(), keepMethod ? body : new byte[0], -2);
      }
      return new TestResponse(response, chain);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private Response exchange(
      String method, String target, Headers headers, byte[] body, long declaredLength) {
    if (target.startsWith("http://") || target.startsWith("https://")) {
      throw new IllegalArgumentException(
          "The TestClient stays on the site; got an absolute URL " + target);
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    Headers sent = new Headers();
    headers.forEach(sent::add);
    sent.setIfAbsent("Host", "localhost");
    if (!cookies.isEmpty() && !sent.contains("Cookie")) {
      StringBuilder cookieHeader = new StringBuilder();
      cookies.forEach(
          (name, value) -> {
            if (cookieHeader.length() > 0) {
              cookieHeader.append("; ");
            }
            cookieHeader.append(name).append('=').append(value);
          });
      sent.set("Cookie", cookieHeader.toString());
    }
    long length = declaredLength == -2 ? body.length : declaredLength;
    if (length >= 0 && body.length > 0) {
      sent.setIfAbsent("Content-Length", Long.toString(length));
    }
    RawRequest raw =
        new RawRequest(
            method,
            path,
            query,
            sent,
            new ByteArrayInputStream(body),
            length,
            remoteAddress,
            "http",
            "localhost",
            80);
    Response response =
        galvani.handle(
            raw,
            request -> {
              if (!enforceCsrfChecks) {
                request.set(Csrf.SKIP_CHECKS, true);
              }
            });
    for (Cookie cookie : response.cookies()) {
      boolean expired = cookie.maxAge().map(age -> age.isZero() || age.isNegative()).orElse(false);
      if (expired) {
        cookies.remove(cookie.name());
      } else {
        cookies.put(cookie.name(), cookie.value());
      }
    }
    return response;
  }
}
