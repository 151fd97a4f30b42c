package dev.galvani.orm.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles migrations written by makemigrations (or by a test) and loads them, as a build would.
 */
final class CompiledMigrations {
  private CompiledMigrations() {}

  /** Compiles every Java file under {@code sourceRoot} into {@code classes}. */
  static void compile(Path sourceRoot, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "the tests need a JDK, not a JRE");
    List<String> args = new ArrayList<>();
    args.add("-d");
    args.add(classes.toString());
    args.add("-classpath");
    args.add(location(Migration.class).toString());
    args.add("--release");
    args.add("17");
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> args.add(file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = compiler.run(null, errors, errors, args.toArray(String[]::new));
    assertEquals(
        0, status, "the migrations do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  /** A class loader that sees {@code classes} (a folder or a JAR) before the test's classes. */
  static URLClassLoader loader(Path classes) {
    try {
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, CompiledMigrations.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code work} with {@code loader} as the thread's context class loader. */
  static <T> T with(ClassLoader loader, java.util.function.Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
