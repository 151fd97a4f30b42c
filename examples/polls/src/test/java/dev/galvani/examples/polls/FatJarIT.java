package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The fat JAR as shading leaves it: service files of different JARs merged, signatures dropped (a
 * signature of one JAR would fail the whole fat JAR), Multi-Release kept.
 */
class FatJarIT {
  private static final Path JAR = Path.of("target", "polls.jar");

  private static List<String> services(JarFile jar, String service) throws IOException {
    JarEntry entry = jar.getJarEntry("META-INF/services/" + service);
    assertTrue(entry != null, "no service file for " + service);
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }

  @Test
  void servicesAreMerged_signaturesDropped_multiReleaseKept() throws IOException {
    assertTrue(Files.exists(JAR), JAR + " is built in package, before the ITs");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Manifest manifest = jar.getManifest();
      assertEquals(
          "dev.galvani.examples.polls.Main", manifest.getMainAttributes().getValue("Main-Class"));
      assertEquals("true", manifest.getMainAttributes().getValue("Multi-Release"));
      assertTrue(jar.isMultiRelease());
      assertTrue(
          jar.stream().anyMatch(entry -> entry.getName().startsWith("META-INF/versions/")),
          "the JDK-specific classes of multi-release dependencies are kept");
      List<String> signatures =
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
              .toList();
      assertEquals(List.of(), signatures);

      assertTrue(
          services(jar, "java.sql.Driver")
              .containsAll(
                  List.of("org.h2.Driver", "org.postgresql.Driver", "org.mariadb.jdbc.Driver")),
          "one driver line from each of three JARs");
      List<String> flyway = services(jar, "org.flywaydb.core.extensibility.Plugin");
      assertTrue(
          flyway.containsAll(
              List.of(
                  "org.flywaydb.core.internal.database.h2.H2DatabaseType",
                  "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                  "org.flywaydb.database.mysql.MySQLDatabaseType")),
          "flyway-core, flyway-database-postgresql and flyway-mysql merged: " + flyway);
    }
  }
}
