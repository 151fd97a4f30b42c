package dev.galvani.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the environment (12-factor), with an optional {@code .env} file for development.
 * Real environment variables win over the file. A malformed value fails at startup naming the
 * variable. Immutable.
 *
 * <pre>{@code
 * debug(env().bool("DEBUG", false));
 * allowedHosts(env().list("ALLOWED_HOSTS", "localhost,127.0.0.1"));
 * }</pre>
 */
public final class Env {
  private final Map<String, String> values;

  public Env(Map<String, String> environment, Map<String, String> dotenv) {
    Map<String, String> merged = new HashMap<>(dotenv);
    merged.putAll(environment);
    this.values = Map.copyOf(merged);
  }

  /** The process environment plus {@code .env} from the working directory, if there is one. */
  public static Env system() {
    return new Env(System.getenv(), readDotenv(Path.of(".env")));
  }

  /** Reads {@code NAME=value} lines; '#' starts a comment; values may be quoted. */
  public static Map<String, String> readDotenv(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("export ")) {
          trimmed = trimmed.substring(7).trim();
        }
        int equals = trimmed.indexOf('=');
        if (equals <= 0) {
          throw new ImproperlyConfigured(
              "core.E010 " + file + ": line '" + trimmed + "' is not NAME=value");
        }
        String value = trimmed.substring(equals + 1).trim();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(trimmed.substring(0, equals).trim(), value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
  }

  public String str(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  /** true/false, 1/0, yes/no, on/off; anything else fails at startup. */
  public boolean bool(String name, boolean fallback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> {
        return true;
      }
      case "false", "0", "no", "off" -> {
        return false;
      }
      default ->
          throw new ImproperlyConfigured(
              "core.E011 " + name + " must be true or false, not '" + value.get() + "'");
    }
  }

  public int integer(String name, int fallback) {
    Optional<String> value = optional(name);
    try {
      return value.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new ImproperlyConfigured(
          "core.E011 " + name + " must be an integer, not '" + value.get() + "'");
    }
  }

  /** A comma-separated list, blanks dropped. */
  public List<String> list(String name, String fallback) {
    return Arrays.stream(str(name, fallback).split(","))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .toList();
  }

  /** A required secret; missing fails at startup. */
  public Secret secret(String name) {
    return Secret.of(
        optional(name)
            .orElseThrow(
                () ->
                    new ImproperlyConfigured(
                        "core.E012 " + name + " is not set: export it or put it in .env")));
  }

  /** A secret with a fallback for development (check --deploy flags insecure fallbacks). */
  public Secret secret(String name, String fallback) {
    return Secret.of(str(name, fallback));
  }
}
