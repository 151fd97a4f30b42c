package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the code in {@code docs/} true to the code that compiles and is tested.
 *
 * <p>In a Markdown page, the line {@code <!-- snippet: path/from/repo/root#NAME -->} right before a
 * fenced code block says the block is a copy of the region NAME of that file. In the source, the
 * region is the lines between a start marker and its end marker, markers left out:
 *
 * <ul>
 *   <li>Java and CSS: {@code // snippet:NAME} ... {@code // end-snippet}
 *   <li>HTML: {@code <!-- snippet:NAME -->} ... {@code <!-- end-snippet -->}; in Thymeleaf
 *       templates use the parser-level comment {@code <!--/* snippet:NAME *}{@code /-->} ... {@code
 *       <!--/* end-snippet *}{@code /-->}, which Thymeleaf removes, so the markers never reach a
 *       page.
 * </ul>
 *
 * <p>Regions may nest; a nested region's marker lines are left out of the outer one. Blank lines at
 * the start and end of a region are dropped (google-java-format puts one between a method and a
 * following comment), the indentation common to its non-blank lines is stripped, and trailing
 * whitespace is ignored; after that the fenced block must equal it line for line.
 *
 * <p>Fenced {@code java} and {@code html} blocks longer than {@value #MAX_UNCHECKED_LINES} lines
 * must carry a marker, so no larger example escapes the check. Maven runs the polls tests in {@code
 * examples/polls}; the repository root is found by walking up to the folder holding {@code
 * framework-core}, so the test also runs from an IDE started at the root.
 */
class DocsSnippetsTest {
  static final int MAX_UNCHECKED_LINES = 3;

  private static final Path REPOSITORY = repositoryRoot();
  private static final Pattern DOC_MARKER =
      Pattern.compile("<!--\\s*snippet:\\s*([^#\\s]+)#([\\w.-]+)\\s*-->");
  private static final Pattern START =
      Pattern.compile("(?://|/\\*|<!--(?:/\\*)?)\\s*snippet:([\\w.-]+)\\s*(?:\\*/-->|-->|\\*/)?");
  private static final Pattern END =
      Pattern.compile("(?://|/\\*|<!--(?:/\\*)?)\\s*end-snippet\\s*(?:\\*/-->|-->|\\*/)?");
  private static final Pattern FENCE = Pattern.compile("(```+|~~~+)\\s*([\\w+-]*).*");

  @Test
  void everySnippetInTheDocs_equalsItsSourceRegion() {
    Path docs = REPOSITORY.resolve("docs");
    assertTrue(Files.isDirectory(docs), "no docs folder at " + docs.toAbsolutePath().normalize());

    Report report = check(REPOSITORY);

    if (!report.problems().isEmpty()) {
      fail(
          report.problems().size()
              + " problem(s) with the code in docs/:\n\n"
              + String.join("\n\n", report.problems()));
    }
    assertTrue(report.snippets() > 0, "the docs hold no snippet markers at all");
    System.out.printf(
        "DocsSnippetsTest: %d snippets in %d pages match their sources%n",
        report.snippets(), report.pages());
  }

  @Test
  void changedLine_isReportedWithDocSnippetAndFirstDifferingLine(@TempDir Path repository)
      throws IOException {
    write(
        repository,
        "src/Example.java",
        "class Example {\n  // snippet:greet\n  int a = 1;\n"
            + "  int b = 2;\n  // end-snippet\n}\n");
    write(
        repository,
        "docs/page.md",
        "<!-- snippet: src/Example.java#greet -->\n```java\nint a = 1;\nint b = 3;\n```\n");

    List<String> problems = check(repository).problems();

    assertEquals(1, problems.size(), problems.toString());
    String problem = problems.get(0);
    assertTrue(problem.startsWith("docs/page.md:1: snippet src/Example.java#greet"), problem);
    assertTrue(problem.contains("line 2 differs"), problem);
    assertTrue(problem.contains("doc:    int b = 3;"), problem);
    assertTrue(problem.contains("source: int b = 2;"), problem);
  }

  @Test
  void markerToMissingFileOrName_isReported(@TempDir Path repository) throws IOException {
    write(repository, "src/Example.java", "// snippet:there\nint a;\n// end-snippet\n");
    write(
        repository,
        "docs/a.md",
        "<!-- snippet: src/Gone.java#there -->\n```java\nint a;\n```\n"
            + "\n<!-- snippet: src/Example.java#elsewhere -->\n```java\nint a;\n```\n");

    List<String> problems = check(repository).problems();

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("src/Gone.java does not exist"), problems.get(0));
    assertTrue(problems.get(1).contains("no region 'elsewhere'"), problems.get(1));
  }

  @Test
  void nestedRegionsAndTemplateComments_areDedentedAndLeaveTheirMarkersOut(@TempDir Path repository)
      throws IOException {
    write(
        repository,
        "src/Example.java",
        "class Example {\n  // snippet:outer\n  void run() {\n"
            + "    // snippet:inner\n    go();\n    // end-snippet\n  }\n  // end-snippet\n}\n");
    write(
        repository,
        "src/page.html",
        "<main>\n  <!--/* snippet:title */-->\n  <h1>Hi</h1>\n"
            + "  <!--/* end-snippet */-->\n</main>\n");
    write(
        repository,
        "docs/a.md",
        "<!-- snippet: src/Example.java#outer -->\n```java\n"
            + "void run() {\n  go();\n}\n```\n<!-- snippet: src/Example.java#inner -->\n```java\n"
            + "go();\n```\n<!-- snippet: src/page.html#title -->\n```html\n<h1>Hi</h1>\n```\n");

    Report report = check(repository);

    assertEquals(List.of(), report.problems());
    assertEquals(3, report.snippets());
  }

  @Test
  void longJavaBlockWithoutMarker_isReported(@TempDir Path repository) throws IOException {
    write(repository, "docs/a.md", "```java\nint a;\nint b;\nint c;\nint d;\n```\n");

    List<String> problems = check(repository).problems();

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("docs/a.md:1: a java block of 4 lines"), problems.get(0));
  }

  /** What a check found: problems (empty when all is well) and how much it looked at. */
  record Report(List<String> problems, int snippets, int pages) {}

  /** Checks every Markdown page under {@code repository/docs}. */
  static Report check(Path repository) {
    List<String> problems = new ArrayList<>();
    int snippets = 0;
    List<Path> pages;
    try (Stream<Path> files = Files.walk(repository.resolve("docs"))) {
      pages = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path page : pages) {
      String docName = repository.relativize(page).toString().replace('\\', '/');
      List<String> lines = readLines(page);
      for (int index = 0; index < lines.size(); index++) {
        Optional<Fence> fence = Fence.at(lines, index);
        if (fence.isEmpty()) {
          if (DOC_MARKER.matcher(lines.get(index).trim()).matches()
              && Fence.at(lines, index + 1).isEmpty()) {
            problems.add(
                docName
                    + ":"
                    + (index + 1)
                    + ": a snippet marker must be followed"
                    + " directly by a fenced code block");
          }
          continue;
        }
        Matcher marker =
            index > 0 ? DOC_MARKER.matcher(lines.get(index - 1).trim()) : DOC_MARKER.matcher("");
        if (marker.matches()) {
          snippets++;
          String where =
              docName + ":" + index + ": snippet " + marker.group(1) + "#" + marker.group(2);
          compare(repository, marker.group(1), marker.group(2), fence.get().content())
              .ifPresent(problem -> problems.add(where + ": " + problem));
        } else if ((fence.get().language().equals("java") || fence.get().language().equals("html"))
            && fence.get().content().size() > MAX_UNCHECKED_LINES) {
          problems.add(
              docName
                  + ":"
                  + (index + 1)
                  + ": a "
                  + fence.get().language()
                  + " block of "
                  + fence.get().content().size()
                  + " lines has no snippet marker; mark its source"
                  + " region and put <!-- snippet: path#NAME --> on the line before it");
        }
        index = fence.get().closingLine(); // never look for markers inside a code block
      }
    }
    return new Report(problems, snippets, pages.size());
  }

  private static Optional<String> compare(
      Path repository, String file, String name, List<String> documented) {
    Path source = repository.resolve(file);
    if (!Files.isRegularFile(source)) {
      return Optional.of(file + " does not exist");
    }
    List<String> region;
    try {
      region = region(readLines(source), name);
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
    if (region == null) {
      return Optional.of(
          file + " has no region '" + name + "' (// snippet:" + name + " ... // end-snippet)");
    }
    for (int line = 0; line < Math.max(region.size(), documented.size()); line++) {
      String doc = line < documented.size() ? stripTrailing(documented.get(line)) : "<no line>";
      String code = line < region.size() ? region.get(line) : "<no line>";
      if (!doc.equals(code)) {
        return Optional.of(
            "line "
                + (line + 1)
                + " differs (doc has "
                + documented.size()
                + " lines, source "
                + region.size()
                + ")\n  doc:    "
                + doc
                + "\n  source: "
                + code);
      }
    }
    return Optional.empty();
  }

  /** The dedented lines of the named region, or null when the file has none. */
  static List<String> region(List<String> lines, String name) {
    List<String> found = null;
    for (int start = 0; start < lines.size(); start++) {
      Matcher marker = START.matcher(lines.get(start).trim());
      if (!marker.matches() || !marker.group(1).equals(name)) {
        continue;
      }
      if (found != null) {
        throw new IllegalStateException("region '" + name + "' is marked twice");
      }
      found = new ArrayList<>();
      int depth = 0;
      int line = start + 1;
      for (; line < lines.size(); line++) {
        String trimmed = lines.get(line).trim();
        if (END.matcher(trimmed).matches()) {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (START.matcher(trimmed).matches()) {
          depth++;
        } else {
          found.add(stripTrailing(lines.get(line)));
        }
      }
      if (line == lines.size()) {
        throw new IllegalStateException("region '" + name + "' has no end-snippet marker");
      }
    }
    return found == null ? null : dedent(found);
  }

  /** Drops blank lines at both ends (the formatter puts one after a member) and dedents. */
  private static List<String> dedent(List<String> region) {
    int first = 0;
    int end = region.size();
    while (first < end && region.get(first).isBlank()) {
      first++;
    }
    while (end > first && region.get(end - 1).isBlank()) {
      end--;
    }
    List<String> lines = region.subList(first, end);
    int common =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(common)).toList();
  }

  private static Path repositoryRoot() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isDirectory(folder.resolve("framework-core"))) {
        return folder;
      }
    }
    return Path.of("..", "..");
  }

  private static String stripTrailing(String line) {
    return line.stripTrailing();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String file, String text) throws IOException {
    Path target = root.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text);
  }

  /** A fenced code block: its language, its lines and the line index of its closing fence. */
  private record Fence(String language, List<String> content, int closingLine) {
    static Optional<Fence> at(List<String> lines, int index) {
      if (index >= lines.size()) {
        return Optional.empty();
      }
      Matcher opening = FENCE.matcher(lines.get(index));
      if (!opening.matches()) {
        return Optional.empty();
      }
      String fence = opening.group(1);
      for (int line = index + 1; line < lines.size(); line++) {
        if (lines.get(line).trim().equals(fence)) {
          return Optional.of(new Fence(opening.group(2), lines.subList(index + 1, line), line));
        }
      }
      return Optional.empty();
    }
  }
}
