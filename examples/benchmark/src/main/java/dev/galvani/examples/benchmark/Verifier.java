package dev.galvani.examples.benchmark;

import dev.galvani.orm.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a benchmark target against the TechEmpower rules before anything is timed: status, body,
 * Content-Type, Server, Date and Content-Length of every endpoint; the JSON shape of the database
 * tests and the clamping of {@code ?queries=N}; the exact fortunes page; and, given the database,
 * that {@code /updates} really writes the rows it returns.
 *
 * <pre>
 * java -cp benchmark.jar dev.galvani.examples.benchmark.Verifier http://127.0.0.1:8080
 * </pre>
 *
 * With {@code DATABASE_URL} set (to a server both the verifier and the target reach), the written
 * rows are checked too. Exits 0 when every check passes, 1 naming each failure, 2 on a usage error.
 */
public final class Verifier {
  static final String JSON_BODY = "{\"message\":\"Hello, World!\"}";
  static final String PLAINTEXT_BODY = "Hello, World!";
  static final String FORTUNES_BODY = fortunesPage();

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
    Verifier verifier = new Verifier(args[0]);
    List<String> failures = new ArrayList<>(verifier.verify());
    Optional<String> database =
        Optional.ofNullable(System.getenv("DATABASE_URL")).filter(url -> !url.isBlank());
    database.ifPresent(url -> failures.addAll(verifier.verifyUpdatesAreWritten(url)));
    if (failures.isEmpty()) {
      System.out.println(
          "verifier: "
              + args[0]
              + " passes json, plaintext, db, queries, updates, fortunes and cached-queries"
              + (database.isPresent() ? ", updates checked in the database" : ""));
      return;
    }
    for (String failure : failures) {
      System.err.println("verifier: FAIL " + failure);
    }
    System.exit(1);
  }

  /** Every failure found on the endpoints over HTTP; empty when the target passes. */
  public List<String> verify() throws InterruptedException {
    List<String> failures = new ArrayList<>();
    checkText("/json", JSON_BODY, "application/json", false, failures);
    checkText("/plaintext", PLAINTEXT_BODY, "text/plain", true, failures);
    fetch("/db", "application/json", false, failures)
        .ifPresent(body -> world("/db", body, failures));
    for (String query : List.of("", "?queries=", "?queries=0", "?queries=foo", "?queries=1")) {
      checkWorlds("/queries" + query, 1, failures);
    }
    checkWorlds("/queries?queries=20", 20, failures);
    checkWorlds("/queries?queries=501", 500, failures);
    for (String query : List.of("", "?queries=0", "?queries=foo")) {
      checkWorlds("/updates" + query, 1, failures);
    }
    checkWorlds("/updates?queries=20", 20, failures);
    checkWorlds("/updates?queries=501", 500, failures);
    checkText("/fortunes", FORTUNES_BODY, "text/html", true, failures);
    for (String query : List.of("", "?count=", "?count=0", "?count=foo", "?count=1")) {
      checkWorlds("/cached-queries" + query, 1, failures);
    }
    checkWorlds("/cached-queries?count=20", 20, failures);
    checkWorlds("/cached-queries?count=501", 500, failures);
    return failures;
  }

  /**
   * Calls {@code /updates?queries=20} and compares the {@code world} table before and after: each
   * returned row holds the returned number (the last one, if an id came twice), each row returned
   * once changed, and no other row did.
   */
  public List<String> verifyUpdatesAreWritten(String databaseUrl) {
    List<String> failures = new ArrayList<>();
    DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
    String path = "/updates?queries=20";
    try (Connection connection =
        url.user().isEmpty()
            ? DriverManager.getConnection(url.jdbcUrl())
            : DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      Map<Integer, Integer> before = worldTable(connection);
      Optional<String> body = fetch(path, "application/json", false, failures);
      if (body.isEmpty()) {
        return failures;
      }
      Map<Integer, Integer> after = worldTable(connection);
      Map<Integer, Integer> returned = new LinkedHashMap<>();
      Map<Integer, Integer> timesReturned = new HashMap<>();
      for (JsonNode row :
          parse(path, body.get(), failures).orElse(BaselineServer.MAPPER.createArrayNode())) {
        int id = row.path("id").asInt();
        returned.put(id, row.path("randomNumber").asInt());
        timesReturned.merge(id, 1, Integer::sum);
      }
      returned.forEach(
          (id, number) -> {
            if (!number.equals(after.get(id))) {
              failures.add(
                  path
                      + ": returned world "
                      + id
                      + " = "
                      + number
                      + ", the table holds "
                      + after.get(id));
            }
            if (timesReturned.get(id) == 1 && before.get(id).equals(after.get(id))) {
              failures.add(path + ": world " + id + " kept its number " + before.get(id));
            }
          });
      before.forEach(
          (id, number) -> {
            if (!returned.containsKey(id) && !number.equals(after.get(id))) {
              failures.add(path + ": world " + id + " changed but was not returned");
            }
          });
    } catch (SQLException e) {
      failures.add(path + ": cannot read the world table at " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(path + ": interrupted");
    }
    return failures;
  }

  private static Map<Integer, Integer> worldTable(Connection connection) throws SQLException {
    Map<Integer, Integer> rows = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id, randomnumber from world")) {
      while (result.next()) {
        rows.put(result.getInt(1), result.getInt(2));
      }
    }
    return rows;
  }

  /** The exact TFB fortunes page: the 12 rows plus the added one, sorted, HTML-escaped. */
  private static String fortunesPage() {
    Map<String, Integer> byMessage = new java.util.TreeMap<>();
    for (int i = 0; i < BenchmarkData.FORTUNES.size(); i++) {
      byMessage.put(BenchmarkData.FORTUNES.get(i), i + 1);
    }
    byMessage.put(BenchmarkData.ADDED_FORTUNE, 0);
    StringBuilder page =
        new StringBuilder(
            "<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>");
    byMessage.forEach(
        (message, id) ->
            page.append("<tr><td>")
                .append(id)
                .append("</td><td>")
                .append(escape(message))
                .append("</td></tr>"));
    return page.append("</table></body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private void checkText(
      String path, String expected, String type, boolean needsCharset, List<String> failures)
      throws InterruptedException {
    fetch(path, type, needsCharset, failures)
        .filter(actual -> !actual.equals(expected))
        .ifPresent(
            actual -> failures.add(path + ": body '" + actual + "', expected '" + expected + "'"));
  }

  /** An array of {@code expected} World objects. */
  private void checkWorlds(String path, int expected, List<String> failures)
      throws InterruptedException {
    Optional<String> body = fetch(path, "application/json", false, failures);
    if (body.isEmpty()) {
      return;
    }
    Optional<JsonNode> parsed = parse(path, body.get(), failures);
    if (parsed.isEmpty()) {
      return;
    }
    JsonNode array = parsed.get();
    if (!array.isArray()) {
      failures.add(path + ": expected a JSON array, got " + abbreviate(body.get()));
      return;
    }
    if (array.size() != expected) {
      failures.add(path + ": " + array.size() + " rows, expected " + expected);
    }
    for (JsonNode row : array) {
      checkWorld(path, row, failures);
    }
  }

  private void world(String path, String body, List<String> failures) {
    parse(path, body, failures).ifPresent(node -> checkWorld(path, node, failures));
  }

  /** {@code {"id": 1..10000, "randomNumber": 1..10000}} and nothing else. */
  private static void checkWorld(String path, JsonNode node, List<String> failures) {
    boolean valid =
        node.isObject()
            && node.size() == 2
            && inRange(node.get("id"))
            && inRange(node.get("randomNumber"));
    if (!valid) {
      failures.add(
          path
              + ": "
              + abbreviate(node.toString())
              + " is not {\"id\":1..10000,\"randomNumber\":1..10000}");
    }
  }

  private static boolean inRange(JsonNode value) {
    return value != null
        && value.isIntegralNumber()
        && value.asInt() >= 1
        && value.asInt() <= BenchmarkData.WORLD_ROWS;
  }

  private static Optional<JsonNode> parse(String path, String body, List<String> failures) {
    try {
      return Optional.of(BaselineServer.MAPPER.readTree(body));
    } catch (JacksonException e) {
      failures.add(path + ": not JSON: " + abbreviate(body));
      return Optional.empty();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /** The body of a 200 with the required headers; failures named otherwise. */
  private Optional<String> fetch(
      String path, String type, boolean needsCharset, List<String> failures)
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
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      failures.add(path + ": status " + response.statusCode() + ", expected 200");
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
      if (needsCharset && !value.replace(" ", "").contains(";charset=utf-8")) {
        failures.add(path + ": Content-Type '" + contentType.get() + "' has no charset=utf-8");
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
    return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
  }
}
