package dev.galvani.orm.startapp;

import static dev.galvani.core.urls.Urls.include;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.App;
import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import dev.galvani.core.urls.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** startapp writes an app skeleton that compiles, serves its page, and never overwrites. */
class StartAppTest {
  @TempDir Path project;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int startapp(String... args) {
    List<String> command = new ArrayList<>(List.of("startapp"));
    command.addAll(List.of(args));
    command.addAll(List.of("--project", project.toString()));
    return Galvani.execute(
        new ProjectSettings(new Env(Map.of(), Map.of())),
        command,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSkeleton_compiles_andItsPageAnswers() throws Exception {
    Files.createDirectories(project.resolve("src/main/java"));

    assertEquals(0, startapp("shop_orders"), output());
    assertEquals(0, startapp("model"), "ModelApp must not clash with the interface: " + output());

    Path app = project.resolve("src/main/java/dev/galvani/orm/startapp/shop_orders");
    assertTrue(Files.isRegularFile(app.resolve("ShopOrdersApp.java")), output());
    assertTrue(Files.isRegularFile(app.resolve("ShopOrdersUrls.java")));
    assertTrue(Files.isRegularFile(app.resolve("ShopOrdersViews.java")));
    Path templates = project.resolve("src/main/resources/templates");
    assertTrue(Files.isRegularFile(templates.resolve("shop_orders/index.html")));
    Path test =
        project.resolve("src/test/java/dev/galvani/orm/startapp/shop_orders/ShopOrdersTest.java");
    assertTrue(Files.isRegularFile(test));
    assertTrue(
        output().contains("list new dev.galvani.orm.startapp.shop_orders.ShopOrdersApp()"),
        output());
    assertTrue(output().contains("include(\"shop_orders/\", \"shop_orders\","), output());

    Path classes = Files.createDirectories(project.resolve("classes"));
    Path model = project.resolve("src/main/java/dev/galvani/orm/startapp/model");
    compile(classes, app, test.getParent(), model);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      String base = "dev.galvani.orm.startapp.shop_orders.ShopOrders";
      App shop = (App) loader.loadClass(base + "App").getConstructor().newInstance();
      assertEquals("shop_orders", shop.name());
      @SuppressWarnings("unchecked")
      List<Route> patterns =
          (List<Route>) loader.loadClass(base + "Urls").getMethod("patterns").invoke(null);

      ProjectSettings settings = new ProjectSettings(new Env(Map.of(), Map.of()));
      settings.apps(new dev.galvani.orm.OrmApp(), shop);
      settings.templateDirs(List.of(templates));
      settings.rootUrls(() -> List.of(include("shop_orders/", "shop_orders", patterns)));
      try (Galvani site = new Galvani(settings)) {
        TestResponse page = new TestClient(site).get("/shop_orders/");
        assertEquals(200, page.status(), page.text());
        assertTrue(page.text().contains("<h1>ShopOrders</h1>"), page.text());
        assertTrue(page.text().contains("<code>shop_orders</code> app works"), page.text());
        assertEquals("/shop_orders/", site.reverse("shop_orders:index"));
      }
    }
  }

  private static void compile(Path classes, Path... folders) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-Xlint:all",
                "-Werror"));
    for (Path folder : folders) {
      try (Stream<Path> files = Files.list(folder)) {
        files.map(Path::toString).forEach(arguments::add);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, arguments.toArray(String[]::new));
    assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anExistingApp_isNeverOverwritten() throws IOException {
    Files.createDirectories(project.resolve("src/main/java"));
    assertEquals(0, startapp("blog"), output());
    Path views = project.resolve("src/main/java/dev/galvani/orm/startapp/blog/BlogViews.java");
    Files.writeString(views, "// my own code");

    assertEquals(1, startapp("blog"));

    assertTrue(output().contains("exists already; nothing was written"), output());
    assertEquals("// my own code", Files.readString(views));
  }

  @Test
  void aFileInTheWay_stopsIt_andTheFilesWrittenBeforeAreRemoved() throws IOException {
    Files.createDirectories(project.resolve("src/main/java"));
    Path template = project.resolve("src/main/resources/templates/blog/index.html");
    Files.createDirectories(template.getParent());
    Files.writeString(template, "<p>mine</p>");

    assertEquals(1, startapp("blog"));

    assertTrue(output().contains(template + " exists already; nothing was written"), output());
    assertEquals("<p>mine</p>", Files.readString(template));
    Path app = project.resolve("src/main/java/dev/galvani/orm/startapp/blog");
    try (Stream<Path> left = Files.walk(app)) {
      assertEquals(0, left.filter(Files::isRegularFile).count(), "the app files were removed");
    }
  }

  @Test
  void badNames_areUsageErrorsThatSayWhatIsAllowed() throws IOException {
    Files.createDirectories(project.resolve("src/main/java"));
    for (String name : List.of("Blog", "class", "my-app", "../evil", "9lives")) {
      out.reset();
      err.reset();
      assertEquals(2, startapp(name), name);
      assertTrue(output().contains("is not a valid app name"), output());
    }
    assertEquals(2, startapp("orm"));
    assertTrue(output().contains("already has an app named 'orm'"), output());
    try (Stream<Path> written = Files.walk(project)) {
      assertEquals(0, written.filter(Files::isRegularFile).count(), "nothing written");
    }
  }

  @Test
  void outsideAProject_itSaysWhereToRunIt() {
    assertEquals(1, startapp("blog"));
    assertTrue(output().contains("run it in the project's folder"), output());
    assertFalse(Files.exists(project.resolve("src/main/resources")));
  }
}
