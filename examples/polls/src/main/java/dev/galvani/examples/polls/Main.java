package dev.galvani.examples.polls;

import dev.galvani.core.Galvani;

// snippet:main
/**
 * The fat JAR's entry point: {@code java -jar target/polls.jar runserver} (or {@code serve}, {@code
 * check}, {@code urls}, {@code help}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Galvani.run(PollsSettings::new, args);
  }
}
// end-snippet
