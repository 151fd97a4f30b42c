package dev.galvani.orm.migrations;

import dev.galvani.orm.ModelApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds an app's migration classes: every {@code V<4 digits>_<Name>} class directly in its
 * migrations package, in class folders and in JARs (the fat JAR included), ordered by number. The
 * thread's context class loader is asked first, so tools and tests can add compiled migrations.
 */
final class MigrationLoader {
  private MigrationLoader() {}

  static List<Migration> load(ModelApp app) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = app.getClass().getClassLoader();
    }
    return load(app, loader);
  }

  static List<Migration> load(ModelApp app, ClassLoader loader) {
    String packageName = app.migrationsPackage();
    String path = packageName.replace('.', '/');
    TreeSet<String> classNames = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader.getResources(path);
      while (roots.hasMoreElements()) {
        classNames.addAll(simpleNames(roots.nextElement(), path));
      }
      // a JAR written without directory entries has no resource for the package itself: list
      // the entries of the JARs the app and the class loaders come from
      for (Path jar : jars(app, loader)) {
        classNames.addAll(fromJarFile(jar, path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the migrations of " + app.name(), e);
    }
    List<Migration> migrations = new ArrayList<>();
    for (String simpleName : classNames) {
      migrations.add(instantiate(app, packageName + "." + simpleName, loader));
    }
    migrations.sort(Comparator.comparingInt(Migration::number));
    Map<Integer, Migration> byNumber = new HashMap<>();
    for (Migration migration : migrations) {
      Migration other = byNumber.put(migration.number(), migration);
      if (other != null) {
        throw new MigrationError(
            "the app '"
                + app.name()
                + "' has two migrations numbered "
                + migration.number()
                + ": "
                + other.name()
                + " and "
                + migration.name()
                + "; renumber one of them");
      }
    }
    return List.copyOf(migrations);
  }

  private static List<String> simpleNames(URL root, String path) throws IOException {
    return switch (root.getProtocol()) {
      case "file" -> fromFolder(toPath(root));
      case "jar" -> fromJar(root, path);
      default -> List.of();
    };
  }

  private static List<String> fromFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(MigrationLoader::isMigrationClassFile)
          .map(file -> file.substring(0, file.length() - ".class".length()))
          .toList();
    }
  }

  private static List<String> fromJar(URL root, String path) throws IOException {
    URLConnection connection = root.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      return List.of();
    }
    jarConnection.setUseCaches(false);
    try (JarFile jar = jarConnection.getJarFile()) {
      return entries(jar, path);
    }
  }

  private static Set<Path> jars(ModelApp app, ClassLoader loader) {
    Set<Path> jars = new LinkedHashSet<>();
    Optional.ofNullable(app.getClass().getProtectionDomain().getCodeSource())
        .map(CodeSource::getLocation)
        .ifPresent(location -> addJar(jars, location));
    for (ClassLoader each = loader; each != null; each = each.getParent()) {
      if (each instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          addJar(jars, url);
        }
      }
    }
    return jars;
  }

  private static void addJar(Set<Path> jars, URL url) {
    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
      Path file = toPath(url);
      if (Files.isRegularFile(file)) {
        jars.add(file);
      }
    }
  }

  private static List<String> fromJarFile(Path file, String path) throws IOException {
    try (JarFile jar = new JarFile(file.toFile())) {
      return entries(jar, path);
    }
  }

  private static List<String> entries(JarFile jar, String path) {
    List<String> names = new ArrayList<>();
    String prefix = path + "/";
    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
      String entry = entries.nextElement().getName();
      if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
        String file = entry.substring(prefix.length());
        if (isMigrationClassFile(file)) {
          names.add(file.substring(0, file.length() - ".class".length()));
        }
      }
    }
    return names;
  }

  private static boolean isMigrationClassFile(String file) {
    return file.endsWith(".class")
        && Migration.isMigrationName(file.substring(0, file.length() - ".class".length()));
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Path.of(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
    }
  }

  private static Migration instantiate(ModelApp app, String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new MigrationError("cannot load the migration " + className, e);
    }
    if (!Migration.class.isAssignableFrom(type)) {
      throw new MigrationError(
          className
              + " in the migrations package of '"
              + app.name()
              + "' does not extend "
              + Migration.class.getName()
              + "; make it a migration or move it out of "
              + app.migrationsPackage());
    }
    try {
      return (Migration) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new MigrationError(
          "the migration " + className + " needs a public constructor without arguments", e);
    } catch (InstantiationException | InvocationTargetException e) {
      throw new MigrationError("cannot create the migration " + className + ": " + e, e);
    }
  }
}
