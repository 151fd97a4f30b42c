package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What {@code docker compose up} does, without a Docker engine: the app service's environment from
 * docker-compose.yml, pointed at the local PostgreSQL and Redis instead of the db and redis
 * services, given to the same fat JAR the Dockerfile runs, with its command (migrate, then serve)
 * and its HEALTHCHECK.
 */
class ComposeIT {
  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target", "polls.jar").toAbsolutePath();

  /** The app service's environment in docker-compose.yml, defaults of ${VAR:-default} applied. */
  static Map<String, String> composeEnvironment() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    boolean inApp = false;
    boolean inEnvironment = false;
    for (String line : Files.readAllLines(ROOT.resolve("docker-compose.yml"))) {
      if (line.matches("  [a-z][\\w-]*:\\s*")) {
        inApp = line.trim().equals("app:");
        inEnvironment = false;
      } else if (inApp && line.matches("    environment:\\s*")) {
        inEnvironment = true;
      } else if (inEnvironment && line.startsWith("      ") && line.contains(":")) {
        String item = line.trim();
        int colon = item.indexOf(':');
        String value = item.substring(colon + 1).trim();
        Matcher fallback = Pattern.compile("\\$\\{\\w+:-(.*)}").matcher(value);
        environment.put(item.substring(0, colon), fallback.matches() ? fallback.group(1) : value);
      } else if (inEnvironment && !line.startsWith("      ")) {
        inEnvironment = false;
      }
    }
    return environment;
  }

  /**
   * The runtime stage's {@code RUN java [options] -jar site.jar ...} commands, as the arguments
   * after {@code java}, with {@code /app/} (the image's folder) standing for {@code app}.
   */
  static List<List<String>> imageBuildCommands(Path app) throws IOException {
    String runtime = runtimeStage();
    List<List<String>> commands = new ArrayList<>();
    Matcher run = Pattern.compile("\nRUN java ([^\n]*)").matcher(runtime);
    while (run.find()) {
      List<String> args = new ArrayList<>();
      for (String arg : run.group(1).trim().split(" +")) {
        args.add(arg.equals("site.jar") ? JAR.toString() : inApp(arg, app));
      }
      commands.add(args);
    }
    return commands;
  }

  /** The Dockerfile from its last {@code FROM} on: the image that runs. */
  private static String runtimeStage() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    return dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
  }

  private static String inApp(String value, Path app) {
    return value.replace("/app/", app + "/");
  }

  /** The runtime stage's {@code ENV NAME=value NAME="value"} variables. */
  static Map<String, String> imageEnvironment(Path app) throws IOException {
    String runtime = runtimeStage();
    Map<String, String> environment = new LinkedHashMap<>();
    Matcher line = Pattern.compile("\nENV ([^\n]+)").matcher(runtime);
    while (line.find()) {
      Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line.group(1));
      while (pair.find()) {
        environment.put(pair.group(1), inApp(pair.group(2).replaceAll("^\"|\"$", ""), app));
      }
    }
    return environment;
  }

  /** The HEALTHCHECK command of the Dockerfile, for this port. */
  static String healthCheck(int port) throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    Matcher check = Pattern.compile("CMD (bash -c '[^\\n]*')\\n").matcher(dockerfile);
    assertTrue(check.find(), "the Dockerfile has a HEALTHCHECK CMD bash -c '...'");
    return check.group(1).replace("/8000", "/" + port);
  }

  @Test
  void theComposeAppsEnvironment_runsTheJar_migratedServingAndHealthy() throws Exception {
    if (!Files.exists(JAR)) {
      fail(JAR + " is missing: ComposeIT runs in mvn verify, after package");
    }
    String redis = System.getenv("GALVANI_TEST_REDIS_URL");
    if (redis == null || redis.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("GALVANI_TEST_REDIS_URL is not set; CI must run every backend (see .ci/run)");
      }
      Assumptions.abort("GALVANI_TEST_REDIS_URL is not set");
    }
    String postgres = TestDatabases.url(Vendor.POSTGRESQL);

    Map<String, String> compose = composeEnvironment();
    assertEquals(
        Set.of("DATABASE_URL", "CACHE_URL", "SECRET_KEY", "ALLOWED_HOSTS"),
        compose.keySet(),
        "the variables this test maps to local services");
    assertTrue(compose.get("DATABASE_URL").contains("@db:5432/"), compose.toString());
    assertTrue(compose.get("CACHE_URL").startsWith("redis://redis:6379/"), compose.toString());
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(
        dockerfile.contains("RUN mvn -B -q -pl examples/polls -am package -DskipTests")
            && Files.readString(ROOT.resolve("README.md"))
                .contains("mvn -q -pl examples/polls -am package -DskipTests"),
        "the Dockerfile builds the JAR with the README's command");

    String database = "galvani_compose_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(postgres);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    Path app = Files.createTempDirectory("compose-it"); // the image's /app
    Path log = app.resolve("server.log");
    Map<String, String> image = imageEnvironment(app);
    assertEquals("json", image.get("LOG_FORMAT"), image.toString());
    assertTrue(image.get("JAVA_TOOL_OPTIONS").contains("MaxRAMPercentage"), image.toString());
    Path archive = app.resolve("app.jsa");
    assertTrue(
        image.get("JAVA_TOOL_OPTIONS").contains("-XX:SharedArchiveFile=" + archive),
        image.toString());
    List<List<String>> buildCommands = imageBuildCommands(app);
    assertEquals(
        List.of(
            List.of("-jar", JAR.toString(), "collectstatic"),
            List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds*=off",
                "-jar",
                JAR.toString(),
                "warmup",
                "/polls/")),
        buildCommands);
    Map<String, String> environment = new LinkedHashMap<>(image);
    environment.putAll(compose);
    environment.put("DATABASE_URL", postgres.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    URI local = URI.create(redis);
    environment.put(
        "CACHE_URL",
        compose.get("CACHE_URL").replace("redis:6379", local.getHost() + ":" + local.getPort()));
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process server = null;
    try {
      // image build: no database, no cache, and JAVA_TOOL_OPTIONS not set yet
      Map<String, String> build = new LinkedHashMap<>(image);
      build.remove("JAVA_TOOL_OPTIONS");
      for (List<String> command : buildCommands) {
        assertEquals(0, start(app, build, command, log).waitFor(), command + ": " + read(log));
      }
      assertTrue(Files.size(archive) > 1_000_000, "the class-data-sharing archive was written");
      Map<String, String> strict = new LinkedHashMap<>(image);
      strict.put("JAVA_TOOL_OPTIONS", image.get("JAVA_TOOL_OPTIONS") + " -Xshare:on");
      assertEquals(
          0, start(app, strict, jar("help"), log).waitFor(), "the archive maps: " + read(log));
      assertEquals(0, start(app, environment, jar("migrate"), log).waitFor(), read(log));
      String migrated = read(log);
      assertFalse(
          migrated.contains("[cds") || migrated.contains("shared archive"),
          "the JVM takes the archive without complaint: " + migrated);
      server = start(app, environment, jar("serve", "127.0.0.1:" + port), log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      waitUntilLive(http, port, server);
      HttpResponse<String> ready = get(http, port, "/readyz");
      assertEquals(200, ready.statusCode(), ready.body());
      assertEquals(
          "{\"status\":\"ok\",\"checks\":{\"database:default\":\"ok\",\"cache\":\"ok\"}}",
          ready.body());
      HttpResponse<String> polls = get(http, port, "/polls/");
      assertEquals(200, polls.statusCode());
      assertTrue(polls.body().contains("<h1>Latest polls</h1>"), polls.body());
      Matcher css =
          Pattern.compile("href=\"(/static/polls/style\\.\\w+\\.css)\"").matcher(polls.body());
      assertTrue(css.find(), "a hashed stylesheet, collected at image build: " + polls.body());
      assertEquals(200, get(http, port, css.group(1)).statusCode());
      Process check =
          new ProcessBuilder("bash", "-c", healthCheck(port).replaceFirst("^bash -c '(.*)'$", "$1"))
              .redirectErrorStream(true)
              .start();
      assertTrue(check.waitFor(10, TimeUnit.SECONDS));
      assertEquals(0, check.exitValue(), "the Dockerfile's HEALTHCHECK passes");
      server.destroy(); // SIGTERM, as docker stop sends
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "a graceful stop within 30 s");
      assertJsonLines(read(log));
    } finally {
      if (server != null && server.isAlive()) {
        server.destroyForcibly();
      }
      try (Connection admin = DriverManager.getConnection(postgres);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  /** With LOG_FORMAT=json each log event is one JSON object on its own line. */
  private static void assertJsonLines(String output) {
    List<String> events = output.lines().filter(line -> line.startsWith("{")).toList();
    assertTrue(events.size() >= 2, "JSON log lines in: " + output);
    for (String event : events) {
      tools.jackson.databind.JsonNode json =
          new tools.jackson.databind.ObjectMapper().readTree(event);
      assertTrue(
          json.has("level") && json.has("loggerName") && json.has("formattedMessage"), event);
    }
    assertTrue(
        events.stream().anyMatch(event -> event.contains("\"loggerName\":\"galvani.access\"")),
        "one line per request: " + output);
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static List<String> jar(String... args) {
    List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code java} with these arguments in {@code directory}, its output into {@code log}. */
  private static Process start(
      Path directory, Map<String, String> environment, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.directory(directory.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void waitUntilLive(HttpClient http, int port, Process server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("the server exited with " + server.exitValue());
      }
      try {
        if (get(http, port, "/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    fail("the server did not answer /healthz within 60 s");
  }
}
