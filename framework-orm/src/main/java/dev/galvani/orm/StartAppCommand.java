package dev.galvani.orm;

import dev.galvani.core.App;
import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.orm.fixtures.CommandArguments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * {@code startapp NAME [--package PACKAGE] [--project DIR]}: writes an app skeleton into the
 * project in the working directory, as Django's {@code startapp} does: the app class, its URL
 * patterns, a view, a template and a test. The package is the settings class's package plus the
 * name. It never overwrites: an existing package folder or file stops it before anything is
 * written.
 */
public final class StartAppCommand implements Command {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  @Override
  public String name() {
    return "startapp";
  }

  @Override
  public String help() {
    return "write a new app's skeleton: startapp NAME [--package PACKAGE] [--project DIR]";
  }

  @Override
  public int run(CommandContext context) throws IOException {
    CommandArguments args = CommandArguments.parse(context.args(), Set.of("package", "project"));
    if (args.positional().size() != 1) {
      throw new IllegalArgumentException("startapp takes one app name, e.g. startapp blog");
    }
    String name = args.positional().get(0);
    if (!NAME.matcher(name).matches() || SourceVersion.isKeyword(name)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid app name: use 1-40 lowercase letters, digits and _, starting"
              + " with a letter, and no Java keyword (e.g. blog, shop_orders)");
    }
    Settings settings = context.galvani().settings();
    for (App app : settings.apps()) {
      if (app.name().equals(name)) {
        throw new IllegalArgumentException(
            "the site already has an app named '" + name + "'; choose another name");
      }
    }
    Class<?> settingsClass = settings.getClass();
    if (settingsClass.getCanonicalName() == null) {
      throw new IllegalArgumentException(
          "the settings class " + settingsClass.getName() + " is not a named top-level class");
    }
    String basePackage = settingsClass.getPackageName();
    String appPackage =
        args.option("package")
            .orElseGet(
                () -> {
                  if (basePackage.isEmpty() || settingsClass == Settings.class) {
                    throw new IllegalArgumentException(
                        "the settings class has no package of its own; pass --package"
                            + " com.example.site."
                            + name);
                  }
                  return basePackage + "." + name;
                });
    if (!SourceVersion.isName(appPackage)) {
      throw new IllegalArgumentException("'" + appPackage + "' is not a Java package name");
    }
    Path project = Path.of(args.option("project").orElse("."));
    Path sources = project.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      context
          .err()
          .println(
              "startapp: "
                  + sources.toAbsolutePath().normalize()
                  + " does not exist; run it in the project's folder (where pom.xml is) or pass"
                  + " --project DIR");
      return 1;
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("package", appPackage);
    values.put("name", name);
    values.put("Name", className(name));
    values.put("settingsClass", settingsClass.getCanonicalName());
    values.put("settingsSimpleName", settingsClass.getSimpleName());
    values.put(
        "siteArguments", hasEnvConstructor(settingsClass) ? "new Env(ENVIRONMENT, Map.of())" : "");
    String folder = appPackage.replace('.', '/');
    String type = className(name);
    Path packageFolder = sources.resolve(folder);
    if (Files.exists(packageFolder)) {
      context.err().println("startapp: " + packageFolder + " exists already; nothing was written");
      return 1;
    }
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(packageFolder.resolve(type + "App.java"), fill(APP, values));
    files.put(packageFolder.resolve(type + "Urls.java"), fill(URLS, values));
    files.put(packageFolder.resolve(type + "Views.java"), fill(VIEWS, values));
    files.put(
        project.resolve("src/main/resources/templates").resolve(name).resolve("index.html"),
        fill(TEMPLATE, values));
    files.put(
        project.resolve("src/test/java").resolve(folder).resolve(type + "Test.java"),
        fill(TEST, values));
    // CREATE_NEW never replaces a file; on any failure the files written so far are removed
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.createDirectories(file.getKey().getParent());
        Files.writeString(
            file.getKey(), file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        written.add(file.getKey());
      }
    } catch (IOException e) {
      for (Path file : written) {
        Files.deleteIfExists(file);
      }
      context
          .err()
          .println(
              "startapp: "
                  + (e instanceof FileAlreadyExistsException
                      ? e.getMessage() + " exists already"
                      : e.toString())
                  + "; nothing was written");
      return 1;
    }
    for (Path file : written) {
      context.out().println("  " + project.relativize(file));
    }
    context.out().println(fill(NEXT_STEPS, values));
    return 0;
  }

  /** {@code shop_orders} becomes {@code ShopOrders}. */
  static String className(String name) {
    StringBuilder result = new StringBuilder();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return result.toString();
  }

  private static boolean hasEnvConstructor(Class<?> settingsClass) {
    try {
      settingsClass.getConstructor(Env.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String fill(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return result;
  }

  private static final String APP =
      """
      package {{package}};

      import java.util.List;

      /**
       * The {{name}} app: its models (entities), their migrations in {@code
       * {{package}}.migrations}, its templates in {@code templates/{{name}}/} and static files in
       * {@code static/{{name}}/}.
       */
      public final class {{Name}}App implements dev.galvani.orm.ModelApp {
        @Override
        public String name() {
          return "{{name}}";
        }

        /** Add your entities here, then run makemigrations and migrate. */
        @Override
        public List<Class<?>> models() {
          return List.of();
        }
      }
      """;

  private static final String URLS =
      """
      package {{package}};

      import static dev.galvani.core.urls.Urls.path;

      import dev.galvani.core.urls.Route;
      import java.util.List;

      /** The {{name}} app's URL patterns; the root URLs include them in the "{{name}}" namespace. */
      public final class {{Name}}Urls {
        private {{Name}}Urls() {}

        public static List<Route> patterns() {
          return List.of(path("", {{Name}}Views::index, "index").methods("GET"));
        }
      }
      """;

  private static final String VIEWS =
      """
      package {{package}};

      import dev.galvani.core.http.Request;
      import dev.galvani.core.http.Response;
      import java.util.Map;

      /** The {{name}} app's views: functions from a request to a response. */
      public final class {{Name}}Views {
        private {{Name}}Views() {}

        public static Response index(Request request) {
          return Response.render(request, "{{name}}/index.html", Map.of("app", "{{name}}"));
        }
      }
      """;

  private static final String TEMPLATE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>{{Name}}</title>
      </head>
      <body>
        <h1>{{Name}}</h1>
        <p>The <code th:text="${app}">{{name}}</code> app works. Edit
          <code>templates/{{name}}/index.html</code>.</p>
      </body>
      </html>
      """;

  private static final String TEST =
      """
      package {{package}};

      import static dev.galvani.core.urls.Urls.include;
      import static org.junit.jupiter.api.Assertions.assertEquals;
      import static org.junit.jupiter.api.Assertions.assertTrue;

      import dev.galvani.core.Env;
      import dev.galvani.core.Galvani;
      import dev.galvani.core.test.TestClient;
      import dev.galvani.core.test.TestResponse;
      import {{settingsClass}};
      import java.util.List;
      import java.util.Map;
      import java.util.UUID;
      import org.junit.jupiter.api.AfterEach;
      import org.junit.jupiter.api.Test;

      /** The {{name}} app's pages, mounted at /{{name}}/ on the site's settings. */
      class {{Name}}Test {
        private static final Map<String, String> ENVIRONMENT =
            Map.of("DATABASE_URL", "h2:mem:{{name}}-" + UUID.randomUUID());
        private final Galvani site = new Galvani(settings());
        private final TestClient client = new TestClient(site);

        private static {{settingsSimpleName}} settings() {
          {{settingsSimpleName}} settings = new {{settingsSimpleName}}({{siteArguments}});
          settings.rootUrls(() -> List.of(include("{{name}}/", "{{name}}", {{Name}}Urls.patterns())));
          return settings;
        }

        @AfterEach
        void close() {
          site.close();
        }

        @Test
        void theIndexPage_answers() {
          TestResponse page = client.get("/{{name}}/");
          assertEquals(200, page.status());
          assertTrue(page.text().contains("<h1>{{Name}}</h1>"), page.text());
        }
      }
      """;

  private static final String NEXT_STEPS =
      """
      Created the {{name}} app in {{package}}. To use it:
        1. list new {{package}}.{{Name}}App() in apps(...) of {{settingsSimpleName}}
        2. add include("{{name}}/", "{{name}}", {{package}}.{{Name}}Urls.patterns()) to the root URL patterns
        3. add entities to {{Name}}App.models(), then run makemigrations and migrate""";
}
