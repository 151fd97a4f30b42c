package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.galvani.orm.Vendor;
import dev.galvani.orm.test.TestDatabases;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the polls JAR on one PostgreSQL and one Redis behind nginx's round robin: a
 * scripted visitor logs in, votes, reads the flash message, visits the editors' page and logs out
 * while every request may go to either instance. One instance is killed mid-run and the other keeps
 * serving; restarted, it rejoins.
 */
class ScaleOutIT {
  private static final Path JAR = Path.of("target", "polls.jar").toAbsolutePath();
  private static final Pattern CSRF =
      Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

  private final Set<String> upstreams = new TreeSet<>();
  private HttpClient http;
  private int proxyPort;

  @Test
  void aVisitorsRequestsAlternateBetweenInstances_andSurviveOneDying() throws Exception {
    if (!Files.exists(JAR)) {
      fail(JAR + " is missing: ScaleOutIT runs in mvn verify, after package");
    }
    String redis = System.getenv("GALVANI_TEST_REDIS_URL");
    boolean nginx = Files.isExecutable(Path.of("/usr/sbin/nginx"));
    if (redis == null || redis.isBlank() || !nginx) {
      String why = "needs GALVANI_TEST_REDIS_URL and nginx (apt-get install nginx-light)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; under CI=true this test may not be skipped");
      }
      Assumptions.abort(why);
    }
    String postgres = TestDatabases.url(Vendor.POSTGRESQL);
    String database = "galvani_scale_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = DriverManager.getConnection(postgres);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("DATABASE_URL", postgres.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    environment.put("CACHE_URL", redis + "/0?key_prefix=scale-" + UUID.randomUUID());
    environment.put("SECRET_KEY", "scale-out-secret-" + UUID.randomUUID() + "-shared-by-both");
    environment.put("ALLOWED_HOSTS", "localhost,127.0.0.1");
    environment.put("GALVANI_SUPERUSER_USERNAME", "editor");
    environment.put("GALVANI_SUPERUSER_EMAIL", "editor@example.com");
    environment.put("GALVANI_SUPERUSER_PASSWORD", "a long enough passphrase for the editor");
    Path work = Files.createTempDirectory("scale-out");
    List<Process> processes = new ArrayList<>();
    Process nginxProcess = null;
    try {
      assertEquals(0, java(environment, work, "migrate").waitFor(), "migrate");
      assertEquals(0, java(environment, work, "createsuperuser", "--noinput").waitFor());
      int first = freePort();
      int second = freePort();
      proxyPort = freePort();
      Process one = java(environment, work, "serve", "127.0.0.1:" + first);
      Process two = java(environment, work, "serve", "127.0.0.1:" + second);
      processes.add(one);
      processes.add(two);
      http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      waitUntilLive(first, one);
      waitUntilLive(second, two);
      nginxProcess = nginx(work, first, second);
      processes.add(nginxProcess);
      waitUntilLive(proxyPort, nginxProcess);

      visit(true);
      assertEquals(
          Set.of("127.0.0.1:" + first, "127.0.0.1:" + second),
          upstreams,
          "round robin used both instances");

      two.destroyForcibly(); // killed, not stopped
      two.waitFor(10, TimeUnit.SECONDS);
      upstreams.clear();
      visit(false);
      assertEquals(Set.of("127.0.0.1:" + first), upstreams, "the survivor served everything");

      Process again = java(environment, work, "serve", "127.0.0.1:" + second);
      processes.add(again);
      waitUntilLive(second, again);
      Thread.sleep(2500); // nginx's fail_timeout: the instance is tried again after it
      upstreams.clear();
      visit(false);
      assertEquals(Set.of("127.0.0.1:" + first, "127.0.0.1:" + second), upstreams, "it rejoined");
    } finally {
      for (Process process : processes) {
        process.destroy(); // SIGTERM: nginx's master stops its workers too
      }
      for (Process process : processes) {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      try (Connection admin = DriverManager.getConnection(postgres);
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  /** Logs in, votes, reads the flash message, sees the editors' page and logs out. */
  private void visit(boolean firstVisit) throws Exception {
    HttpResponse<String> loginPage = get("/accounts/login/?next=/polls/manage/");
    assertEquals(200, loginPage.statusCode());
    HttpResponse<String> loggedIn =
        post(
            "/accounts/login/",
            Map.of(
                "username", "editor",
                "password", "a long enough passphrase for the editor",
                "next", "/polls/manage/",
                "csrfmiddlewaretoken", csrf(loginPage.body())));
    assertEquals(302, loggedIn.statusCode(), loggedIn.body());
    assertEquals("/polls/manage/", loggedIn.headers().firstValue("Location").orElseThrow());
    for (int round = 0; round < 4; round++) {
      HttpResponse<String> manage = get("/polls/manage/");
      assertEquals(200, manage.statusCode(), "logged in on every instance");
      assertTrue(manage.body().contains("Logged in as editor"), manage.body());
    }
    HttpResponse<String> detail = get("/polls/1/");
    Matcher choice = Pattern.compile("name=\"choice\"[^>]*value=\"(\\d+)\"").matcher(detail.body());
    assertTrue(choice.find(), detail.body());
    HttpResponse<String> voted =
        post(
            "/polls/1/vote/",
            Map.of("choice", choice.group(1), "csrfmiddlewaretoken", csrf(detail.body())));
    assertEquals(302, voted.statusCode(), "the CSRF token of one instance holds on the other");
    HttpResponse<String> results = get(voted.headers().firstValue("Location").orElseThrow());
    assertTrue(results.body().contains("Thanks for voting on"), "the flash message survived");
    HttpResponse<String> manage = get("/polls/manage/");
    HttpResponse<String> out =
        post("/accounts/logout/", Map.of("csrfmiddlewaretoken", csrf(manage.body())));
    assertEquals(302, out.statusCode());
    for (int round = 0; round < 2; round++) {
      assertEquals(302, get("/polls/manage/").statusCode(), "logged out on every instance");
    }
  }

  private static String csrf(String html) {
    Matcher token = CSRF.matcher(html);
    assertTrue(token.find(), "a CSRF field in " + html);
    return token.group(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    // "a, b" when nginx tried a dead instance first: the last one answered
    response
        .headers()
        .firstValue("X-Upstream")
        .map(value -> value.substring(value.lastIndexOf(',') + 1).trim())
        .ifPresent(upstreams::add);
    assertTrue(response.statusCode() < 500, response.statusCode() + " " + response.body());
    return response;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + proxyPort + path);
  }

  private Process nginx(Path work, int first, int second) throws IOException {
    Path conf = work.resolve("nginx.conf");
    String temp = work.resolve("nginx-temp").toString();
    Files.createDirectories(Path.of(temp));
    Files.writeString(
        conf,
        String.join(
            "\n",
            "daemon off;",
            "worker_processes 1;",
            "pid " + work.resolve("nginx.pid") + ";",
            "error_log " + work.resolve("nginx-error.log") + ";",
            "events { worker_connections 128; }",
            "http {",
            "  access_log off;",
            "  client_body_temp_path " + temp + "/body;",
            "  proxy_temp_path " + temp + "/proxy;",
            "  fastcgi_temp_path " + temp + "/fastcgi;",
            "  uwsgi_temp_path " + temp + "/uwsgi;",
            "  scgi_temp_path " + temp + "/scgi;",
            "  upstream polls {",
            "    server 127.0.0.1:" + first + " max_fails=1 fail_timeout=2s;",
            "    server 127.0.0.1:" + second + " max_fails=1 fail_timeout=2s;",
            "  }",
            "  server {",
            "    listen 127.0.0.1:" + proxyPort + ";",
            "    location / {",
            "      proxy_pass http://polls;",
            "      proxy_set_header Host $http_host;",
            "      proxy_next_upstream error timeout http_502 http_503;",
            "      proxy_connect_timeout 1s;",
            "      add_header X-Upstream $upstream_addr always;",
            "    }",
            "  }",
            "}",
            ""));
    return new ProcessBuilder(
            "/usr/sbin/nginx",
            "-p",
            work.toString(),
            "-c",
            conf.toString(),
            "-e",
            work.resolve("nginx-error.log").toString())
        .inheritIO()
        .start();
  }

  private static Process java(Map<String, String> environment, Path work, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO().directory(work.toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private void waitUntilLive(int port, Process process) throws Exception {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the process for port " + port + " exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> live =
            plain.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (live.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    fail("nothing answered /healthz on port " + port + " within 60 s");
  }
}
