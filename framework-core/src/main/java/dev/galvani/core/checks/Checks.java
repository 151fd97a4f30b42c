package dev.galvani.core.checks;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.sessions.SessionChecks;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Runs the core checks and every app's checks. */
public final class Checks {
  /** The formats of {@code dev/galvani/core/logging/console-*.xml}, chosen by LOG_FORMAT. */
  private static final List<String> LOG_FORMATS = List.of("text", "json");

  private Checks() {}

  public static List<CheckMessage> run(Galvani galvani, boolean deploy) {
    List<Check> checks = new ArrayList<>(List.of(Checks::urls, Checks::core));
    checks.addAll(SessionChecks.startup());
    if (deploy) {
      checks.add(Checks::deploy);
      checks.addAll(SessionChecks.deploy());
    }
    for (App app : galvani.settings().apps()) {
      checks.addAll(app.checks());
      if (deploy) {
        checks.addAll(app.deployChecks());
      }
    }
    List<CheckMessage> messages = new ArrayList<>();
    for (Check check : checks) {
      messages.addAll(check.run(galvani));
    }
    return messages;
  }

  private static List<CheckMessage> urls(Galvani galvani) {
    List<CheckMessage> messages = new ArrayList<>();
    for (String problem : galvani.urls().problems()) {
      messages.add(
          CheckMessage.error("urls.E001", problem, "correct the pattern in your URL patterns"));
    }
    return messages;
  }

  private static List<CheckMessage> core(Galvani galvani) {
    Settings settings = galvani.settings();
    List<CheckMessage> messages = new ArrayList<>();
    if (settings.secretKey().isEmpty()) {
      messages.add(
          CheckMessage.error(
              "core.E002",
              "SECRET_KEY is empty",
              "call secretKey(env().secret(\"SECRET_KEY\")) in your settings and set SECRET_KEY"));
    }
    String staticUrl = settings.staticUrl();
    if (!staticUrl.startsWith("/") || !staticUrl.endsWith("/") || staticUrl.length() < 3) {
      messages.add(
          CheckMessage.error(
              "core.E003",
              "STATIC_URL '" + staticUrl + "' must start and end with '/'",
              "use a value such as \"/static/\""));
    }
    String logFormat = settings.env().str("LOG_FORMAT", "text");
    if (!LOG_FORMATS.contains(logFormat)) {
      messages.add(
          CheckMessage.error(
              "core.E004",
              "LOG_FORMAT '" + logFormat + "' is not one of " + String.join(", ", LOG_FORMATS),
              "set LOG_FORMAT=json for JSON log lines, or leave it unset for text"));
    }
    if (settings.virtualThreads() && Runtime.version().feature() < 21) {
      messages.add(
          CheckMessage.warning(
              "core.W001",
              "virtual threads were requested but this JVM is "
                  + Runtime.version().feature()
                  + "; using a bounded platform-thread pool",
              "run on Java 21+ or turn virtualThreads off"));
    }
    if (!settings.debug() && !Files.isDirectory(settings.staticRoot())) {
      messages.add(
          CheckMessage.warning(
              "staticfiles.W001",
              "STATIC_ROOT " + settings.staticRoot().toAbsolutePath() + " does not exist",
              "run 'collectstatic' before 'serve' so static files can be served"));
    }
    return messages;
  }

  private static List<CheckMessage> deploy(Galvani galvani) {
    Settings settings = galvani.settings();
    List<CheckMessage> messages = new ArrayList<>();
    if (settings.debug()) {
      messages.add(
          CheckMessage.warning(
              "security.W018",
              "DEBUG is on: error pages show code and settings to anyone",
              "set DEBUG=false in production"));
    }
    String key = settings.secretKey().reveal();
    if (key.length() < 50 || key.chars().distinct().count() < 5 || key.startsWith("insecure")) {
      messages.add(
          CheckMessage.warning(
              "security.W009",
              "SECRET_KEY is shorter than 50 characters, has few distinct characters or is a"
                  + " development default",
              "generate one with: head -c 48 /dev/urandom | base64"));
    }
    if (settings.hstsSeconds() <= 0) {
      messages.add(
          CheckMessage.warning(
              "security.W004",
              "HSTS is off: browsers may still reach the site over plain HTTP",
              "call hsts(31536000, true, false) once the site is HTTPS-only (start lower to test)"));
    }
    if (!settings.sslRedirect()) {
      messages.add(
          CheckMessage.warning(
              "security.W008",
              "plain-HTTP requests are not redirected to HTTPS",
              "call sslRedirect(true), unless a proxy in front already redirects"));
    }
    if (!settings.csrfCookieSecure()) {
      messages.add(
          CheckMessage.warning(
              "security.W016",
              "the CSRF cookie is not marked Secure, so it can travel over plain HTTP",
              "call csrfCookieSecure(true)"));
    }
    for (String origin : settings.csrfTrustedOrigins()) {
      if (origin.toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
        messages.add(
            CheckMessage.warning(
                "security.W026",
                "CSRF trusted origin " + origin + " is plain HTTP",
                "trust only https:// origins in csrfTrustedOrigins"));
      }
    }
    if (settings.allowedHosts().isEmpty() || settings.allowedHosts().contains("*")) {
      messages.add(
          CheckMessage.warning(
              "security.W020",
              "ALLOWED_HOSTS is empty or '*'",
              "list the host names the site is served under"));
    }
    return messages;
  }
}
