package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
  @Test
  void debug_servesAppStaticFilesFromTheClasspath() {
    TestClient client = new TestClient(new Galvani(TestSite.settings().debug(true)));
    TestResponse css = client.get("/static/site/app.css");
    assertEquals(200, css.status());
    assertEquals("text/css; charset=utf-8", css.header("Content-Type").orElseThrow());
    assertTrue(css.text().contains("font-family"));
    assertEquals("no-cache", css.header("Cache-Control").orElseThrow());
  }

  @Test
  void debug_servesEditsFromTheSourceFolder(@TempDir Path project) throws IOException {
    Files.createDirectories(project.resolve("static/site"));
    Files.writeString(project.resolve("static/site/app.css"), "body{color:red}");
    TestClient client =
        new TestClient(new Galvani(TestSite.settings().debug(true).sourceResources(project)));
    assertEquals("body{color:red}", client.get("/static/site/app.css").text());
    Files.writeString(project.resolve("static/site/app.css"), "body{color:blue}");
    assertEquals("body{color:blue}", client.get("/static/site/app.css").text());
  }

  @Test
  void missingOrEscapingPaths_areNotFound() {
    TestClient client = new TestClient(new Galvani(TestSite.settings().debug(true)));
    assertEquals(404, client.get("/static/site/nope.css").status());
    assertEquals(404, client.get("/static/").status());
    assertEquals(400, client.get("/static/%2e%2e/%2e%2e/pom.xml").status());
    assertEquals(404, client.get("/static/site").status());
  }

  @Test
  void production_withoutCollectedFiles_servesNothing() {
    assertEquals(404, new TestClient(TestSite.galvani()).get("/static/site/app.css").status());
  }

  @Test
  void collectstatic_writesHashedNamesManifestAndGzipVariants(@TempDir Path root)
      throws IOException {
    Settings settings = TestSite.settings().staticRoot(root);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Galvani.execute(settings, List.of("collectstatic"), new PrintStream(out), System.err);
    assertEquals(0, code);
    assertTrue(out.toString().contains("collected into " + root.toAbsolutePath()), out.toString());
    byte[] original = Files.readAllBytes(root.resolve("site/app.css"));
    try (Stream files = new Stream(root.resolve("site"))) {
      Path hashed = files.hashedCss();
      assertArrayEquals(original, Files.readAllBytes(hashed));
      try (InputStream gzip = new GZIPInputStream(Files.newInputStream(Path.of(hashed + ".gz")))) {
        assertArrayEquals(original, gzip.readAllBytes());
      }
    }
    String manifest = Files.readString(root.resolve("staticfiles.json"));
    assertTrue(
        manifest.matches(".*\"site/app.css\":\"site/app\\.[0-9a-f]{12}\\.css\".*"), manifest);
  }

  @Test
  void production_servesCollectedFilesWithFarFutureCachingAndGzip(@TempDir Path root)
      throws IOException {
    // snippet:production-static
    Settings collecting = TestSite.settings().staticRoot(root);
    new Galvani(collecting).staticFiles().collect(root);
    Galvani galvani = new Galvani(TestSite.settings().staticRoot(root));
    String url = galvani.staticFiles().url("site/app.css");
    assertTrue(url.matches("/static/site/app\\.[0-9a-f]{12}\\.css"), url);

    TestClient client = new TestClient(galvani);
    TestResponse hashed = client.get(url);
    assertEquals(200, hashed.status());
    assertEquals(
        "public, max-age=31536000, immutable", hashed.header("Cache-Control").orElseThrow());
    assertEquals("Accept-Encoding", hashed.header("Vary").orElseThrow());
    String etag = hashed.header("ETag").orElseThrow();

    TestResponse revalidated = client.request("GET", url).header("If-None-Match", etag).send();
    assertEquals(304, revalidated.status());

    TestResponse gzipped = client.request("GET", url).header("Accept-Encoding", "gzip, br").send();
    assertEquals("gzip", gzipped.header("Content-Encoding").orElseThrow());
    assertEquals("text/css; charset=utf-8", gzipped.header("Content-Type").orElseThrow());
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.bytes()))) {
      assertArrayEquals(hashed.bytes(), in.readAllBytes());
    }

    TestResponse unhashed = client.get("/static/site/app.css");
    assertEquals("public, max-age=60", unhashed.header("Cache-Control").orElseThrow());
    assertEquals(404, client.get("/static/staticfiles.json").status());
    // end-snippet
  }

  @Test
  void templates_linkTheHashedNameInProduction(@TempDir Path root) throws IOException {
    new Galvani(TestSite.settings().staticRoot(root)).staticFiles().collect(root);
    String html =
        new TestClient(new Galvani(TestSite.settings().staticRoot(root))).get("/page/").text();
    assertTrue(html.matches("(?s).*href=\"/static/site/app\\.[0-9a-f]{12}\\.css\".*"), html);
  }

  /** Finds the hashed copy of app.css in a folder. */
  private static final class Stream implements AutoCloseable {
    private final java.util.stream.Stream<Path> files;

    Stream(Path folder) throws IOException {
      this.files = Files.list(folder);
    }

    Path hashedCss() {
      return files
          .filter(p -> p.getFileName().toString().matches("app\\.[0-9a-f]{12}\\.css"))
          .findFirst()
          .orElseThrow();
    }

    @Override
    public void close() {
      files.close();
    }
  }
}
