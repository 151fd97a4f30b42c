package dev.galvani.examples.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a benchmark target against the TechEmpower rules before anything is timed: status, exact
 * body, Content-Type, Server, Date and Content-Length.
 *
 * <pre>
 * java -cp benchmark.jar dev.galvani.examples.benchmark.Verifier http://127.0.0.1:8080
 * </pre>
 *
 * Exits 0 when every check passes, 1 naming each failure, 2 on a usage error.
 */
public final class Verifier {
  static final String JSON_BODY = "{\"message\":\"Hello, World!\"}";
  static final String PLAINTEXT_BODY = "Hello, World!";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  public Verifier(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: Verifier http://127.0.0.1:PORT");
      System.exit(2);
    }
    List<String> failures = new Verifier(args[0]).verify();
    if (failures.isEmpty()) {
      System.out.println("verifier: " + args[0] + " passes json and plaintext");
      return;
    }
    for (String failure : failures) {
      System.err.println("verifier: FAIL " + failure);
    }
    System.exit(1);
  }

  /** Every failure found on both endpoints; empty when the target passes. */
  public List<String> verify() throws InterruptedException {
    List<String> failures = new ArrayList<>();
    check("/json", JSON_BODY, "application/json", false, failures);
    check("/plaintext", PLAINTEXT_BODY, "text/plain", true, failures);
    return failures;
  }

  private void check(
      String path, String body, String type, boolean needsCharset, List<String> failures)
      throws InterruptedException {
    String url = base + path;
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | IllegalArgumentException e) {
      failures.add(path + ": request to " + url + " failed: " + e);
      return;
    }
    if (response.statusCode() != 200) {
      failures.add(path + ": status " + response.statusCode() + ", expected 200");
    }
    String actual = new String(response.body(), StandardCharsets.UTF_8);
    if (!actual.equals(body)) {
      failures.add(path + ": body '" + actual + "', expected '" + body + "'");
    }
    Optional<String> contentType = response.headers().firstValue("Content-Type");
    if (contentType.isEmpty()) {
      failures.add(path + ": no Content-Type header");
    } else {
      String value = contentType.get().toLowerCase(Locale.ROOT);
      String mediaType = value.split(";", 2)[0].trim();
      if (!mediaType.equals(type)) {
        failures.add(path + ": Content-Type '" + contentType.get() + "', expected " + type);
      }
      if (needsCharset && !value.contains("charset=")) {
        failures.add(path + ": Content-Type '" + contentType.get() + "' has no charset");
      }
    }
    for (String header : List.of("Server", "Date")) {
      if (response.headers().firstValue(header).filter(v -> !v.isBlank()).isEmpty()) {
        failures.add(path + ": no " + header + " header");
      }
    }
    Optional<String> length = response.headers().firstValue("Content-Length");
    if (length.isEmpty()) {
      failures.add(path + ": no Content-Length header");
    } else if (!length.get().trim().equals(Integer.toString(response.body().length))) {
      failures.add(
          path
              + ": Content-Length "
              + length.get()
              + " but the body has "
              + response.body().length
              + " bytes");
    }
  }
}
