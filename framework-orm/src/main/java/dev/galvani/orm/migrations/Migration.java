package dev.galvani.orm.migrations;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration of an app: a class named {@code V0002_AddChoiceVotes} in the app's {@code
 * migrations} package, with the migrations of other apps it needs and its operations. The number
 * orders an app's migrations; {@code makemigrations} writes them, and people may edit them or write
 * their own (data migrations with {@code runJava}, vendor SQL with {@code runSql}).
 *
 * <p>Subclasses need a public no-argument constructor and must return the same operations every
 * time: the migration's checksum covers them, so editing an applied migration is reported.
 */
public abstract class Migration {
  private static final Pattern NAME = Pattern.compile("V(\\d{4})_([A-Za-z0-9_]+)");

  /** Migrations of other apps that must run first, as {@code "auth.V0001_Initial"}. */
  public List<String> dependencies() {
    return List.of();
  }

  /** The steps, in order. */
  public abstract List<Operation> operations();

  /** The class's simple name, {@code V0002_AddChoiceVotes}. */
  public final String name() {
    return getClass().getSimpleName();
  }

  /** The number in the name, {@code 2} for {@code V0002_AddChoiceVotes}. */
  public final int number() {
    return Integer.parseInt(matcher(name()).group(1));
  }

  /** The words of the name, {@code AddChoiceVotes}. */
  public final String label() {
    return matcher(name()).group(2);
  }

  static boolean isMigrationName(String simpleName) {
    return NAME.matcher(simpleName).matches();
  }

  private static Matcher matcher(String name) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      throw new MigrationError(
          "the migration class "
              + name
              + " is not named V<4 digits>_<Name>; rename it, e.g. V0002_AddChoiceVotes");
    }
    return matcher;
  }

  @Override
  public String toString() {
    return name();
  }
}
