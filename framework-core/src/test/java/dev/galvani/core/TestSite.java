package dev.galvani.core;

import static dev.galvani.core.urls.Urls.include;
import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.http.Conditional;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.PermissionDenied;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.http.UploadedFile;
import dev.galvani.core.urls.Converter;
import dev.galvani.core.urls.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small site exercising every core feature, shared by the core tests. */
final class TestSite {
  static final String SECRET = "test-secret-key-with-enough-length-and-variety-0123456789";

  private TestSite() {}

  /** Settings with DEBUG off and no environment, so tests are reproducible. */
  static Settings settings() {
    return settings(Map.of());
  }

  // snippet:settings
  static Settings settings(Map<String, String> environment) {
    Settings settings = new Settings(new Env(environment, Map.of()));
    settings
        .secretKey(Secret.of(SECRET))
        .converter("year", new YearConverter())
        .rootUrls(TestSite::routes)
        .staticRoot(Path.of("target", "no-static-root"));
    return settings;
  }

  // end-snippet

  static Galvani galvani() {
    return new Galvani(settings());
  }

  // snippet:routes
  static List<Route> routes() {
    return List.of(
        path("", request -> Response.text("home"), "home"),
        path("articles/<int:id>/", TestSite::echoArgs, "article"),
        path("articles/<year:year>/<slug:slug>/", TestSite::echoArgs, "article-by-year"),
        path("tags/<str:tag>/", TestSite::echoArgs, "tag"),
        path("things/<uuid:id>/", TestSite::echoArgs, "thing"),
        path("files/<path:rest>", TestSite::echoArgs, "files"),
        path("only-post/", request -> Response.text("posted"), "only-post").methods("POST"),
        path("items/", request -> Response.text("list"), "items").methods("GET"),
        path("items/", request -> Response.text("created").withStatus(201)).methods("POST"),
        path("query/", request -> Response.json(request.query().asMap()), "query"),
        path("form/", request -> Response.json(request.form().asMap()), "form"),
        path("json/", request -> Response.json(request.json(Point.class)), "json"),
        path("json-tree/", request -> Response.json(request.json(Object.class)), "json-tree"),
        path("upload/", TestSite::upload, "upload"),
        path("cookies/set/", TestSite::setCookies, "set-cookies"),
        path("cookies/read/", TestSite::readCookies, "read-cookies"),
        path("client/", TestSite::client, "client"),
        path("redirect/", request -> Response.redirect("/articles/7/"), "redirect"),
        path("unsafe-redirect/", request -> Response.redirect("https://evil.example/"), "unsafe"),
        // snippet:file-and-stream
        path("file/", request -> Response.file(request, Path.of("src/test/resources/range.txt"))),
        path(
            "stream/",
            request ->
                Response.stream(
                    "text/plain", out -> out.write("streamed".getBytes(StandardCharsets.UTF_8))),
            "stream"),
        // end-snippet
        path("etag/", TestSite::etag, "etag"),
        path("page/", TestSite::page, "page"),
        path(
            "boom/",
            request -> {
              throw new IllegalStateException("database password=hunter2 exploded");
            },
            "boom"),
        path(
            "forbidden/",
            request -> {
              throw new PermissionDenied("Only editors may see this");
            },
            "forbidden"),
        include(
            "blog/",
            "blog",
            List.of(
                path("", request -> Response.text("blog index"), "index"),
                include(
                    "<int:year>/",
                    "archive",
                    List.of(path("<slug:slug>/", TestSite::echoArgs, "post"))))));
  }

  // end-snippet

  static Response echoArgs(Request request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("route", request.match().orElseThrow().routeName());
    request
        .match()
        .orElseThrow()
        .args()
        .forEach((name, value) -> body.put(name, value.getClass().getSimpleName() + ":" + value));
    return Response.json(body);
  }

  // snippet:upload
  static Response upload(Request request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fields", request.form().asMap());
    for (Map.Entry<String, List<UploadedFile>> entry : request.files().entrySet()) {
      for (UploadedFile file : entry.getValue()) {
        body.put(
            entry.getKey(),
            Map.of(
                "filename", file.filename(),
                "size", file.size(),
                "contentType", file.contentType(),
                "start",
                    new String(
                        file.bytes(), 0, (int) Math.min(5, file.size()), StandardCharsets.UTF_8)));
      }
    }
    return Response.json(body);
  }

  // end-snippet

  // snippet:cookies
  static Response setCookies(Request request) {
    return Response.text("ok")
        .cookie(Cookie.of("plain", "hello"))
        .signedCookie(request, Cookie.of("signed", "user-42"));
  }

  static Response readCookies(Request request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("plain", request.cookie("plain").orElse("-"));
    body.put("signed", request.signedCookie("signed").orElse("-"));
    return Response.json(body);
  }

  // end-snippet

  // snippet:client
  static Response client(Request request) {
    return Response.json(
        Map.of("ip", request.clientIp(), "scheme", request.scheme(), "host", request.host()));
  }

  // end-snippet

  // snippet:etag
  static Response etag(Request request) {
    String etag = "\"v1\"";
    return Conditional.evaluate(request, etag, Instant.parse("2026-01-01T00:00:00Z"))
        .orElseGet(() -> Response.text("fresh").header("ETag", etag));
  }

  // end-snippet

  static Response page(Request request) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("title", request.query().get("title", "Hello"));
    context.put("items", List.of("one", "two"));
    return Response.render(request, "site/page.html", context);
  }

  /** A JSON body shape for the JSON tests. */
  record Point(int x, int y) {}

  // snippet:year-converter
  /** A custom converter: four-digit years. */
  static final class YearConverter implements Converter {
    @Override
    public String regex() {
      return "[0-9]{4}";
    }

    @Override
    public Object toJava(String segment) {
      return Integer.valueOf(segment);
    }

    @Override
    public String toUrl(Object value) {
      return String.format("%04d", (Integer) value);
    }
  }
  // end-snippet
}
