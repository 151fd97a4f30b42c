package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  // snippet:app-command
  /** An app contributing one command. */
  private final App app =
      new App() {
        @Override
        public String name() {
          return "polls";
        }

        @Override
        public List<Command> commands() {
          return List.of(new Greet());
        }
      };

  // end-snippet

  // snippet:run-helper
  private int run(Settings settings, String... args) {
    return Galvani.execute(settings, List.of(args), new PrintStream(out), new PrintStream(err));
  }

  // end-snippet

  @Test
  void help_listsBuiltInAndAppCommands() {
    assertEquals(0, run(TestSite.settings().apps(app), "help"));
    for (String name : List.of("runserver", "serve", "check", "urls", "collectstatic", "greet")) {
      assertTrue(out.toString().contains("  " + name), out.toString());
    }
  }

  @Test
  void noArguments_printsHelp() {
    assertEquals(0, run(TestSite.settings()));
    assertTrue(out.toString().contains("Available commands"));
  }

  @Test
  void unknownCommand_printsTheListAndExits2() {
    assertEquals(2, run(TestSite.settings(), "migrat"));
    assertTrue(err.toString().contains("Unknown command 'migrat'"), err.toString());
    assertTrue(err.toString().contains("runserver"), err.toString());
  }

  @Test
  void appCommand_runsWithItsArguments() {
    assertEquals(0, run(TestSite.settings().apps(app), "greet", "Ada"));
    assertEquals("Hello, Ada\n", out.toString());
  }

  @Test
  void check_reportsNoIssuesOrDeployWarnings() {
    Settings collected =
        TestSite.settings().staticRoot(java.nio.file.Path.of("src/test/resources"));
    assertEquals(0, run(collected, "check"));
    assertTrue(out.toString().contains("System check identified no issues."), out.toString());
    out.reset();
    assertEquals(0, run(TestSite.settings(), "check"));
    assertTrue(out.toString().contains("staticfiles.W001"), "production without collectstatic");
    out.reset();
    assertEquals(0, run(TestSite.settings().debug(true), "check", "--deploy"));
    assertTrue(out.toString().contains("security.W018"), out.toString());
    assertEquals(2, run(TestSite.settings(), "check", "--deplo"));
    assertTrue(err.toString().contains("unknown option '--deplo'"), err.toString());
  }

  @Test
  void misconfiguredSite_exits1WithTheCheckMessage() {
    assertEquals(1, run(TestSite.settings().secretKey(Secret.of("")), "check"));
    assertTrue(err.toString().contains("core.E002"), err.toString());
  }

  @Test
  void runserver_withBadAddress_exits2() {
    assertEquals(2, run(TestSite.settings(), "runserver", "localhost:http"));
    assertTrue(err.toString().contains("is not addr:port or a port"), err.toString());
    assertEquals(2, run(TestSite.settings(), "serve", "99999"));
  }

  // snippet:greet
  /** An app's command. */
  private static final class Greet implements Command {
    @Override
    public String name() {
      return "greet";
    }

    @Override
    public String help() {
      return "say hello";
    }

    @Override
    public int run(CommandContext context) {
      context.out().println("Hello, " + String.join(" ", context.args()));
      return 0;
    }
  }
  // end-snippet
}
