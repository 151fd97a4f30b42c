package dev.galvani.auth;

import dev.galvani.core.Env;
import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.core.forms.EmailAddresses;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code createsuperuser} and {@code changepassword}, as Django's. Interactive input comes from the
 * terminal (passwords unechoed when there is one) or standard input.
 */
final class AuthCommands {
  static final String USERNAME_VARIABLE = "GALVANI_SUPERUSER_USERNAME";
  static final String EMAIL_VARIABLE = "GALVANI_SUPERUSER_EMAIL";
  static final String PASSWORD_VARIABLE = "GALVANI_SUPERUSER_PASSWORD";

  private AuthCommands() {}

  static List<Command> all() {
    return List.of(new CreateSuperuser(), new ChangePassword());
  }

  /** {@code createsuperuser [--username NAME] [--email ADDRESS] [--noinput]}. */
  static final class CreateSuperuser implements Command {
    @Override
    public String name() {
      return "createsuperuser";
    }

    @Override
    public String help() {
      return "create a superuser: [--username NAME] [--email ADDRESS] [--noinput, reading "
          + USERNAME_VARIABLE
          + ", "
          + EMAIL_VARIABLE
          + " and "
          + PASSWORD_VARIABLE
          + "]";
    }

    @Override
    public int run(CommandContext context) throws IOException {
      Options options = Options.parse(context.args());
      Env env = context.galvani().settings().env();
      Database db = Orm.database(context.galvani());
      Passwords passwords = Auth.passwords(context.galvani());
      String username = options.username.or(() -> env.optional(USERNAME_VARIABLE)).orElse("");
      String email = options.email.or(() -> env.optional(EMAIL_VARIABLE)).orElse("");
      User user;
      if (options.noInput) {
        if (username.isBlank()) {
          context
              .err()
              .println(
                  "createsuperuser: give --username or set "
                      + USERNAME_VARIABLE
                      + " with --noinput");
          return 1;
        }
        Optional<String> problem = usernameProblem(username);
        if (problem.isEmpty()) {
          problem = emailProblem(email);
        }
        if (problem.isPresent()) {
          context.err().println("createsuperuser: " + problem.get());
          return 1;
        }
        if (taken(db, username)) {
          context.err().println("createsuperuser: the username '" + username + "' is taken");
          return 1;
        }
        user = superuser(username, email);
        Optional<String> password = env.optional(PASSWORD_VARIABLE);
        if (password.isPresent()) {
          List<String> problems = PasswordValidators.defaults().validate(password.get(), user);
          if (!problems.isEmpty()) {
            context.err().println("createsuperuser: " + String.join(" ", problems));
            return 1;
          }
          passwords.setPassword(user, password.get());
        } else {
          Passwords.setUnusablePassword(user);
        }
      } else {
        Prompt prompt = new Prompt(context.out());
        while (username.isBlank() || usernameProblem(username).isPresent() || taken(db, username)) {
          if (!username.isBlank()) {
            context
                .err()
                .println(
                    "Error: "
                        + usernameProblem(username).orElse("That username is already taken."));
          }
          username = prompt.line("Username: ").orElse(null);
          if (username == null) {
            return 1;
          }
          username = username.strip();
        }
        if (options.email.isEmpty()) {
          email = prompt.line("Email address: ").orElse("").strip();
        }
        while (emailProblem(email).isPresent()) {
          context.err().println("Error: " + emailProblem(email).orElseThrow());
          Optional<String> again = prompt.line("Email address: ");
          if (again.isEmpty()) {
            return 1;
          }
          email = again.get().strip();
        }
        user = superuser(username, email);
        Optional<String> password = askPassword(prompt, context.err(), user);
        if (password.isEmpty()) {
          return 1;
        }
        passwords.setPassword(user, password.get());
      }
      db.save(user);
      context.out().println("Superuser created successfully.");
      return 0;
    }

    private static User superuser(String username, String email) {
      User user = new User(username);
      user.setEmail(email);
      user.setStaff(true);
      user.setSuperuser(true);
      return user;
    }
  }

  /** {@code changepassword [username]}. */
  static final class ChangePassword implements Command {
    @Override
    public String name() {
      return "changepassword";
    }

    @Override
    public String help() {
      return "change a user's password: changepassword USERNAME";
    }

    @Override
    public int run(CommandContext context) throws IOException {
      if (context.args().size() != 1) {
        context.err().println("usage: changepassword USERNAME");
        return 2;
      }
      Database db = Orm.database(context.galvani());
      Optional<User> found =
          db.objects(User.class).filter("username", context.args().get(0)).first();
      if (found.isEmpty()) {
        context
            .err()
            .println("changepassword: user '" + context.args().get(0) + "' does not exist");
        return 1;
      }
      User user = found.get();
      context.out().println("Changing password for user '" + user.getUsername() + "'");
      Optional<String> password = askPassword(new Prompt(context.out()), context.err(), user);
      if (password.isEmpty()) {
        return 1;
      }
      Auth.passwords(context.galvani()).setPassword(user, password.get());
      db.objects(User.class).bulkUpdate(List.of(user), "password");
      context.out().println("Password changed successfully for user '" + user.getUsername() + "'");
      return 0;
    }
  }

  /** Asks twice until both agree and the validators pass; empty when the input ends. */
  static Optional<String> askPassword(Prompt prompt, PrintStream err, User user)
      throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<String> first = prompt.secret("Password: ");
      Optional<String> second = first.isPresent() ? prompt.secret("Password (again): ") : first;
      if (first.isEmpty() || second.isEmpty()) {
        err.println("Error: the input ended before a password was given.");
        return Optional.empty();
      }
      if (!first.get().equals(second.get())) {
        err.println("Error: Your passwords didn't match.");
        continue;
      }
      List<String> problems = PasswordValidators.defaults().validate(first.get(), user);
      if (problems.isEmpty()) {
        return first;
      }
      problems.forEach(problem -> err.println("Error: " + problem));
    }
    err.println("Error: too many attempts; nothing was changed.");
    return Optional.empty();
  }

  /** Lines from the terminal, or from standard input when there is none (scripts, tests). */
  static final class Prompt {
    private final PrintStream out;
    private final Console console = System.console();
    private BufferedReader in;

    Prompt(PrintStream out) {
      this.out = out;
    }

    Optional<String> line(String question) throws IOException {
      if (console != null) {
        return Optional.ofNullable(console.readLine("%s", question));
      }
      out.print(question);
      out.flush();
      return Optional.ofNullable(reader().readLine());
    }

    Optional<String> secret(String question) throws IOException {
      if (console != null) {
        char[] typed = console.readPassword("%s", question);
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
      }
      return line(question);
    }

    private BufferedReader reader() {
      if (in == null) {
        in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      }
      return in;
    }
  }

  /** What is wrong with a new username's form, as Django's username validator says. */
  static Optional<String> usernameProblem(String username) {
    if (username.length() > 150) {
      return Optional.of("Ensure the username has at most 150 characters.");
    }
    boolean valid =
        username
            .codePoints()
            .allMatch(c -> Character.isLetterOrDigit(c) || "@.+-_".indexOf(c) >= 0);
    return valid
        ? Optional.empty()
        : Optional.of(
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_"
                + " characters.");
  }

  private static boolean taken(Database db, String username) {
    return db.objects(User.class).filter("username", username).exists();
  }

  /** An email address may be left empty; a given one must be valid. */
  static Optional<String> emailProblem(String email) {
    return email.isEmpty() || EmailAddresses.isValid(email)
        ? Optional.empty()
        : Optional.of("Enter a valid email address.");
  }

  /** The options of createsuperuser. */
  private record Options(Optional<String> username, Optional<String> email, boolean noInput) {
    static Options parse(List<String> args) {
      Optional<String> username = Optional.empty();
      Optional<String> email = Optional.empty();
      boolean noInput = false;
      List<String> rest = new ArrayList<>(args);
      for (int i = 0; i < rest.size(); i++) {
        switch (rest.get(i)) {
          case "--noinput", "--no-input" -> noInput = true;
          case "--username" -> username = Optional.of(value(rest, ++i, "--username"));
          case "--email" -> email = Optional.of(value(rest, ++i, "--email"));
          default ->
              throw new IllegalArgumentException(
                  "unknown argument "
                      + rest.get(i)
                      + "; usage: createsuperuser [--username NAME]"
                      + " [--email ADDRESS] [--noinput]");
        }
      }
      return new Options(username, email, noInput);
    }

    private static String value(List<String> args, int index, String option) {
      if (index >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args.get(index);
    }
  }
}
