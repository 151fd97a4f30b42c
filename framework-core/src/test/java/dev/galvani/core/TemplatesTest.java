package dev.galvani.core;

import static dev.galvani.core.urls.Urls.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.templates.ContextProcessor;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @Test
  void render_usesTheLayoutAndExposesTemplateNameAndContext() {
    TestResponse page = new TestClient(TestSite.galvani()).get("/page/?title=Welcome");
    assertEquals(200, page.status());
    assertEquals("text/html; charset=utf-8", page.header("Content-Type").orElseThrow());
    assertEquals("site/page.html", page.templateName().orElseThrow());
    assertEquals("Welcome", page.context().get("title"));
    String html = page.text();
    assertTrue(html.contains("<title>Welcome</title>"), html);
    assertTrue(html.contains("<h1>Welcome</h1>"), html);
    assertTrue(html.contains("<li>one</li>") && html.contains("<li>two</li>"), html);
    assertTrue(html.contains("<nav><a href=\"/\">Home</a></nav>"), "layout from base.html");
  }

  @Test
  void render_reversesUrlsAndLinksStaticFiles() {
    String html = new TestClient(TestSite.galvani()).get("/page/").text();
    assertTrue(html.contains("href=\"/articles/7/\""), html);
    assertTrue(html.contains("href=\"/static/site/app.css\""), html);
  }

  @Test
  void userData_isEscapedAndNeverEvaluated() {
    String attack = "<script>alert(1)</script>__${T(java.lang.Runtime).getRuntime()}__";
    TestResponse page =
        new TestClient(TestSite.galvani())
            .get(
                "/page/?title="
                    + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8));
    String html = page.text();
    assertFalse(html.contains("<script>alert(1)"), html);
    assertTrue(
        html.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;__${T(java.lang.Runtime).getRuntime()}__"),
        html);
  }

  @Test
  void templateName_withFragmentSyntaxOrTraversal_isRefused() {
    Galvani galvani = TestSite.galvani();
    for (String name : List.of("site/page.html :: x", "~{site/page.html}", "../pom.xml", "")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> galvani.templates().renderToString(name, Map.of()),
          name);
    }
  }

  @Test
  void contextProcessors_fromAppsAddVariablesTheViewCanOverride() {
    // snippet:context-processor
    ContextProcessor siteName = request -> Map.of("siteName", "Galvani", "title", "from processor");
    App app =
        new App() {
          @Override
          public String name() {
            return "branding";
          }

          @Override
          public List<ContextProcessor> contextProcessors() {
            return List.of(siteName);
          }
        };
    TestResponse page =
        new TestClient(new Galvani(TestSite.settings().apps(app))).get("/page/?title=View");
    assertEquals("Galvani", page.context().get("siteName"));
    assertEquals("View", page.context().get("title"));
    // end-snippet
  }

  @Test
  void debug_readsTemplatesFromSourceOnEveryRequest(@TempDir Path project) throws IOException {
    Path templates = Files.createDirectories(project.resolve("templates/live"));
    Files.writeString(templates.resolve("note.html"), "<p th:text=\"${text}\">x</p> v1");
    Settings settings =
        TestSite.settings()
            .debug(true)
            .sourceResources(project)
            .rootUrls(() -> List.of(path("note/", TemplatesTest::note)));
    TestClient client = new TestClient(new Galvani(settings));
    assertTrue(client.get("/note/").text().contains("v1"));
    Files.writeString(templates.resolve("note.html"), "<p th:text=\"${text}\">x</p> v2");
    assertTrue(client.get("/note/").text().contains("<p>hi</p> v2"), "edit shows on reload");
  }

  @Test
  void production_cachesTemplates(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("note.html"), "<p th:text=\"${text}\">x</p> v1");
    Settings settings =
        TestSite.settings()
            .templateDirs(List.of(dir))
            .rootUrls(() -> List.of(path("note/", TemplatesTest::noteAtRoot)));
    TestClient client = new TestClient(new Galvani(settings));
    assertTrue(client.get("/note/").text().contains("v1"));
    Files.writeString(dir.resolve("note.html"), "<p th:text=\"${text}\">x</p> v2");
    assertTrue(client.get("/note/").text().contains("v1"), "cached in production");
  }

  private static Response note(Request request) {
    return Response.render(request, "live/note.html", Map.of("text", "hi"));
  }

  private static Response noteAtRoot(Request request) {
    return Response.render(request, "note.html", Map.of("text", "hi"));
  }
}
