package dev.galvani.orm.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic names for constraints and indexes: {@code <table>_<columns>_<suffix>}, shortened
 * with a hash to fit PostgreSQL's 63 characters (MariaDB allows 64), so every vendor gets the same
 * name and a later migration can drop it by name.
 */
final class Names {
  static final int MAX_LENGTH = 63;

  private Names() {}

  static String of(String table, List<String> columns, String suffix) {
    String base = (table + "_" + String.join("_", columns)).toLowerCase(Locale.ROOT);
    String full = base + "_" + suffix;
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    String hash = hash(full);
    int keep = MAX_LENGTH - suffix.length() - hash.length() - 2;
    return base.substring(0, keep) + "_" + hash + "_" + suffix;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
