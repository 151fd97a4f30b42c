package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * GNU gettext's {@code msgfmt} and Python's stdlib {@code gettext}, the implementations our
 * catalogs are checked against. Without them the tests that need them are skipped, except under
 * {@code CI=true}, where that is a failure ({@code .ci/run} installs the gettext package).
 */
final class GnuGettext {
  private GnuGettext() {}

  /** Skips (or fails in CI) unless {@code msgfmt} and {@code python3} run. */
  static void require() {
    for (List<String> probe :
        List.of(List.of("msgfmt", "--version"), List.of("python3", "--version"))) {
      boolean runs;
      try {
        runs = run(probe, null).exitCode() == 0;
      } catch (IOException e) {
        runs = false;
      }
      if (!runs) {
        String problem = probe.get(0) + " is not installed (apt-get install gettext python3)";
        if ("true".equals(System.getenv("CI"))) {
          fail(problem + "; under CI=true this check may not be skipped");
        }
        Assumptions.abort(problem);
      }
    }
  }

  record Result(int exitCode, String out, String err) {}

  /** Runs a command, with {@code input} on its standard input when given. */
  static Result run(List<String> command, String input) throws IOException {
    Path errFile = java.nio.file.Files.createTempFile("gettext", ".err");
    Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
    if (input != null) {
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command + " did not finish in 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String err = java.nio.file.Files.readString(errFile);
    java.nio.file.Files.deleteIfExists(errFile);
    return new Result(process.exitValue(), out, err);
  }

  /** {@code msgfmt --check} on a file; fails the test with msgfmt's complaint. */
  static void check(Path po, Path mo) throws IOException {
    Result result = run(List.of("msgfmt", "--check", "-o", mo.toString(), po.toString()), null);
    assertEquals(0, result.exitCode(), "msgfmt --check " + po + ":\n" + result.err());
  }

  /** The plural index Python's gettext picks for n = 0..max, reading a compiled catalog. */
  static List<Integer> pythonIndexes(Path mo, int max) throws IOException {
    String script =
        "import gettext,sys\n"
            + "t = gettext.GNUTranslations(open(sys.argv[1], 'rb'))\n"
            + "print(' '.join(t.ngettext('item', 'items', n).split()[-1] for n in range(int(sys.argv[2]) + 1)))\n";
    Result result =
        run(List.of("python3", "-c", script, mo.toString(), Integer.toString(max)), null);
    assertEquals(0, result.exitCode(), result.err());
    List<Integer> indexes = new ArrayList<>();
    for (String token : result.out().trim().split(" ")) {
      indexes.add(Integer.parseInt(token));
    }
    return indexes;
  }
}
