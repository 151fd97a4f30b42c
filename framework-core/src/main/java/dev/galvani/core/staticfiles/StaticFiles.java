package dev.galvani.core.staticfiles;

import dev.galvani.core.Settings;
import dev.galvani.core.http.NotFound;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * Static files. In DEBUG they are found on the fly: the project's {@code
 * src/main/resources/static/}, {@code Settings.staticDirs}, then {@code static/} on the classpath,
 * where each app keeps its own folder. {@code collectstatic} copies them all to {@code STATIC_ROOT}
 * with content-hashed names, gzip variants and a {@code staticfiles.json} manifest; production
 * serves from there, hashed names with far-future caching. Thread-safe.
 */
public final class StaticFiles {
  static final String MANIFEST = "staticfiles.json";
  private static final String CLASSPATH_ROOT = "static";
  private static final Set<String> COMPRESSIBLE =
      Set.of("css", "js", "mjs", "svg", "html", "json", "txt", "xml", "map");

  private final Settings settings;
  private final List<Path> directories = new ArrayList<>();
  private final Map<String, String> manifest;
  private final Set<String> hashedNames;

  public StaticFiles(Settings settings) {
    this.settings = settings;
    Path source = settings.sourceResources().resolve("static");
    if (settings.debug() && Files.isDirectory(source)) {
      directories.add(source);
    }
    directories.addAll(settings.staticDirs());
    this.manifest = settings.debug() ? Map.of() : readManifest(settings.staticRoot());
    this.hashedNames = Set.copyOf(manifest.values());
  }

  /** The URL of a static file: {@code /static/polls/style.3f2a1b9c0d4e.css} in production. */
  public String url(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return settings.staticUrl() + manifest.getOrDefault(relative, relative);
  }

  /** Whether this runtime serves static files at all (DEBUG, or a collected STATIC_ROOT). */
  public boolean serving() {
    return settings.debug() || Files.isDirectory(settings.staticRoot());
  }

  /** Serves the file at a path relative to STATIC_URL; 404 when there is none. */
  public Response serve(Request request, String relative) {
    if (relative.isEmpty() || relative.endsWith("/")) {
      throw new NotFound("No static file " + relative);
    }
    return settings.debug() ? serveFound(request, relative) : serveCollected(request, relative);
  }

  private Response serveFound(Request request, String relative) {
    for (Path directory : directories) {
      Path file = inside(directory, relative);
      if (file != null && Files.isRegularFile(file)) {
        return Response.file(request, file).header("Cache-Control", "no-cache");
      }
    }
    URL resource = StaticFiles.class.getClassLoader().getResource(CLASSPATH_ROOT + "/" + relative);
    if (resource == null || resource.getPath().endsWith("/")) {
      throw new NotFound("No static file " + relative);
    }
    if ("file".equals(resource.getProtocol())) {
      try {
        Path file = Path.of(resource.toURI());
        if (Files.isRegularFile(file)) {
          return Response.file(request, file).header("Cache-Control", "no-cache");
        }
      } catch (URISyntaxException e) {
        throw new NotFound("No static file " + relative);
      }
      throw new NotFound("No static file " + relative);
    }
    try (InputStream in = resource.openStream()) {
      return Response.bytes(in.readAllBytes(), contentType(relative))
          .header("Cache-Control", "no-cache");
    } catch (IOException e) {
      throw new NotFound("No static file " + relative);
    }
  }

  private Response serveCollected(Request request, String relative) {
    Path root = settings.staticRoot();
    Path file = inside(root, relative);
    if (file == null || !Files.isRegularFile(file) || relative.equals(MANIFEST)) {
      throw new NotFound("No static file " + relative);
    }
    String contentType = contentType(relative);
    String acceptEncoding = request.header("Accept-Encoding").orElse("");
    Response response = null;
    for (String[] encoding : new String[][] {{"br", ".br"}, {"gzip", ".gz"}}) {
      Path variant = file.resolveSibling(file.getFileName() + encoding[1]);
      if (acceptEncoding.contains(encoding[0]) && Files.isRegularFile(variant)) {
        response = Response.file(request, variant, contentType);
        if (response.status() != 304) {
          response.header("Content-Encoding", encoding[0]);
        }
        break;
      }
    }
    if (response == null) {
      response = Response.file(request, file, contentType);
    }
    response.header("Vary", "Accept-Encoding");
    response.header(
        "Cache-Control",
        hashedNames.contains(relative)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=60");
    return response;
  }

  /**
   * Copies every static file to {@code target}, adding content-hashed copies, gzip variants of text
   * files and the manifest. Returns the number of source files.
   */
  public int collect(Path target) throws IOException {
    Map<String, Path> sources = new TreeMap<>();
    List<FileSystem> opened = new ArrayList<>();
    try {
      for (Path directory : directories) {
        addAll(directory, sources);
      }
      for (URL root :
          Collections.list(StaticFiles.class.getClassLoader().getResources(CLASSPATH_ROOT))) {
        addAll(classpathRoot(root, opened), sources);
      }
      Files.createDirectories(target);
      Map<String, String> paths = new TreeMap<>();
      for (Map.Entry<String, Path> entry : sources.entrySet()) {
        String relative = entry.getKey();
        byte[] content = Files.readAllBytes(entry.getValue());
        String hashed = hashedName(relative, content);
        write(target.resolve(relative), content);
        write(target.resolve(hashed), content);
        paths.put(relative, hashed);
      }
      Map<String, Object> manifestJson = new LinkedHashMap<>();
      manifestJson.put("version", 1);
      manifestJson.put("paths", paths);
      Files.write(target.resolve(MANIFEST), Json.standard().write(manifestJson));
      return sources.size();
    } finally {
      for (FileSystem fileSystem : opened) {
        fileSystem.close();
      }
    }
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), ".collect", ".tmp");
    Files.write(temporary, content);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
    if (COMPRESSIBLE.contains(extension) && content.length >= 256) {
      try (OutputStream out =
          new GZIPOutputStream(Files.newOutputStream(file.resolveSibling(name + ".gz")))) {
        out.write(content);
      }
    }
  }

  static String hashedName(String relative, byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      String hash = HexFormat.of().formatHex(digest, 0, 6);
      int slash = relative.lastIndexOf('/');
      int dot = relative.lastIndexOf('.');
      return dot > slash + 1
          ? relative.substring(0, dot) + "." + hash + relative.substring(dot)
          : relative + "." + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addAll(Path root, Map<String, Path> sources) throws IOException {
    if (root == null || !Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        sources.putIfAbsent(relative, file);
      }
    }
  }

  private static Path classpathRoot(URL root, List<FileSystem> opened) throws IOException {
    try {
      URI uri = root.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fileSystem;
        try {
          fileSystem = FileSystems.newFileSystem(uri, Map.of());
          opened.add(fileSystem);
        } catch (FileSystemAlreadyExistsException e) {
          fileSystem = FileSystems.getFileSystem(uri);
        }
        return fileSystem.getPath(CLASSPATH_ROOT);
      }
      return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Path inside(Path root, String relative) {
    Path base = root.toAbsolutePath().normalize();
    Path file = base.resolve(relative).normalize();
    return file.startsWith(base) ? file : null;
  }

  private static String contentType(String relative) {
    return dev.galvani.core.http.ContentTypes.of(relative);
  }

  private static Map<String, String> readManifest(Path root) {
    Path file = root.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      JsonNode paths = Json.standard().mapper().readTree(Files.readAllBytes(file)).path("paths");
      Map<String, String> result = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : paths.properties()) {
        result.put(entry.getKey(), entry.getValue().asString());
      }
      return Map.copyOf(result);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
