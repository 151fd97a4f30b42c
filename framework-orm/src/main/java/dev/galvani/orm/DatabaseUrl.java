package dev.galvani.orm;

import dev.galvani.core.ImproperlyConfigured;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A database address in the {@code DATABASE_URL} style, parsed into what JDBC needs.
 *
 * <ul>
 *   <li>{@code h2:file:db/site} (relative to the working folder) or {@code h2:mem:name}
 *   <li>{@code postgres://user:password@host:5432/name?sslmode=require}
 *   <li>{@code mariadb://user:password@host:3306/name} (also {@code mysql://})
 *   <li>any {@code jdbc:h2:}, {@code jdbc:postgresql:} or {@code jdbc:mariadb:} URL as it is
 * </ul>
 *
 * <p>The password never appears in {@link #toString()}.
 */
public record DatabaseUrl(Vendor vendor, String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String url) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      return new DatabaseUrl(vendorOfJdbc(lower, url), trimmed, "", "");
    }
    if (lower.startsWith("h2:")) {
      String rest = trimmed.substring(3);
      if (rest.startsWith("mem:")) {
        return new DatabaseUrl(Vendor.H2, "jdbc:h2:" + rest + ";DB_CLOSE_DELAY=-1", "sa", "");
      }
      if (rest.startsWith("file:")) {
        String file = Path.of(rest.substring(5)).toAbsolutePath().normalize().toString();
        return new DatabaseUrl(Vendor.H2, "jdbc:h2:file:" + file, "sa", "");
      }
      throw invalid(url, "an H2 URL is h2:file:<path> or h2:mem:<name>");
    }
    Vendor vendor;
    String scheme = lower.contains("://") ? lower.substring(0, lower.indexOf("://")) : "";
    switch (scheme) {
      case "postgres", "postgresql", "pgsql" -> vendor = Vendor.POSTGRESQL;
      case "mariadb", "mysql" -> vendor = Vendor.MARIADB;
      default ->
          throw invalid(
              url,
              "start it with h2:, postgres://, mariadb:// or jdbc: (for example"
                  + " postgres://user:password@localhost:5432/site)");
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw invalid(url, "it is not a valid URL: " + e.getMessage());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw invalid(url, "it needs a host and a database name, as in " + scheme + "://host/name");
    }
    String user = "";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    int port = uri.getPort() > 0 ? uri.getPort() : (vendor == Vendor.POSTGRESQL ? 5432 : 3306);
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc =
        "jdbc:" + vendor.id() + "://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
    return new DatabaseUrl(vendor, jdbc, user, password);
  }

  private static Vendor vendorOfJdbc(String lower, String url) {
    if (lower.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    } else if (lower.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    } else if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
      return Vendor.MARIADB;
    }
    throw invalid(
        url, "supported JDBC URLs start with jdbc:h2:, jdbc:postgresql: or jdbc:mariadb:");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static ImproperlyConfigured invalid(String url, String why) {
    return new ImproperlyConfigured(
        "orm.E001: the database URL '" + redact(url) + "' cannot be used: " + why + ".");
  }

  /** The URL with any password replaced by asterisks, for messages and logs. */
  static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The user, if one was given in the URL. */
  public Optional<String> userName() {
    return user.isEmpty() ? Optional.empty() : Optional.of(user);
  }

  @Override
  public String toString() {
    return vendor.id() + " " + redact(jdbcUrl) + (user.isEmpty() ? "" : " as " + user);
  }
}
