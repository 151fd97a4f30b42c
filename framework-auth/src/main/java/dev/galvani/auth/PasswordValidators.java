package dev.galvani.auth;

import dev.galvani.core.i18n.Translator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Django's password validators: minimum length, not a common password, not too similar to the
 * user's own details, not all digits. Each returns a message naming what is wrong, or nothing.
 *
 * <pre>{@code
 * List<String> problems = PasswordValidators.defaults().validate(password, user);
 * }</pre>
 */
public final class PasswordValidators {
  /** One rule: the message of what is wrong, or empty when the password passes. */
  @FunctionalInterface
  public interface Validator {
    Optional<String> validate(String password, User user);
  }

  /** The longest password any validator looks at, as {@link AuthSettings#maxPasswordLength()}. */
  static final int MAX_LENGTH = 4096;

  private final List<Validator> validators;

  public PasswordValidators(List<Validator> validators) {
    this.validators = List.copyOf(validators);
  }

  /** Similarity 0.7, length 8, the 20,000 common passwords shipped, and not all digits. */
  public static PasswordValidators defaults() {
    return new PasswordValidators(
        List.of(similarity(0.7), minimumLength(8), CommonPasswords.INSTANCE::validate, numeric()));
  }

  /** Every problem with {@code password}, in validator order; empty when it is acceptable. */
  public List<String> validate(String password, User user) {
    if (password.length() > MAX_LENGTH) {
      // refused before any rule runs, so a megabyte of password costs nothing
      return List.of(
          Translator.current()
              .ngettext(
                  "This password is too long. It must contain at most {n} character.",
                  "This password is too long. It must contain at most {n} characters.",
                  MAX_LENGTH,
                  Map.of()));
    }
    List<String> problems = new ArrayList<>();
    for (Validator validator : validators) {
      validator.validate(password, user).ifPresent(problems::add);
    }
    return problems;
  }

  public static Validator minimumLength(int length) {
    return (password, user) ->
        password.codePointCount(0, password.length()) < length
            ? Optional.of(
                Translator.current()
                    .ngettext(
                        "This password is too short. It must contain at least {n} character.",
                        "This password is too short. It must contain at least {n} characters.",
                        length,
                        Map.of()))
            : Optional.empty();
  }

  public static Validator numeric() {
    return (password, user) ->
        !password.isEmpty() && password.chars().allMatch(Character::isDigit)
            ? Optional.of(Translator.current().gettext("This password is entirely numeric."))
            : Optional.empty();
  }

  /**
   * Refuses a password too similar to the username, names or email (or a part of the email),
   * compared as Python's {@code SequenceMatcher} ratio does in Django, at {@code maxSimilarity}.
   */
  public static Validator similarity(double maxSimilarity) {
    return (password, user) -> {
      if (user == null) {
        return Optional.empty();
      }
      String lower = password.toLowerCase(Locale.ROOT);
      String[][] attributes = {
        {Translator.current().gettext("username"), user.getUsername()},
        {Translator.current().gettext("first name"), user.getFirstName()},
        {Translator.current().gettext("last name"), user.getLastName()},
        {Translator.current().gettext("email address"), user.getEmail()}
      };
      for (String[] attribute : attributes) {
        String value = attribute[1] == null ? "" : attribute[1].toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
          continue;
        }
        List<String> parts = new ArrayList<>(List.of(value));
        parts.addAll(List.of(value.split("\\W+")));
        for (String part : parts) {
          if (!part.isEmpty() && ratio(lower, part) >= maxSimilarity) {
            return Optional.of(
                Translator.current()
                    .gettext(
                        "The password is too similar to the {attribute}.",
                        Map.of("attribute", attribute[0])));
          }
        }
      }
      return Optional.empty();
    };
  }

  /** 2 * matches / (len a + len b), matches by longest common blocks, as SequenceMatcher. */
  static double ratio(String a, String b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    return 2.0 * matches(a, b) / (a.length() + b.length());
  }

  private static int matches(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int bestLength = 0;
    int bestA = 0;
    int bestB = 0;
    int[] previous = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      int[] row = new int[b.length() + 1];
      for (int j = 1; j <= b.length(); j++) {
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          row[j] = previous[j - 1] + 1;
          if (row[j] > bestLength) {
            bestLength = row[j];
            bestA = i - bestLength;
            bestB = j - bestLength;
          }
        }
      }
      previous = row;
    }
    if (bestLength == 0) {
      return 0;
    }
    return bestLength
        + matches(a.substring(0, bestA), b.substring(0, bestB))
        + matches(a.substring(bestA + bestLength), b.substring(bestB + bestLength));
  }

  /** The shipped list of common passwords, read once. */
  static final class CommonPasswords {
    static final CommonPasswords INSTANCE = new CommonPasswords();
    private final Set<String> passwords;

    private CommonPasswords() {
      Set<String> loaded = new HashSet<>(40_000);
      try (InputStream raw =
              PasswordValidators.class.getResourceAsStream("common-passwords.txt.gz");
          BufferedReader lines =
              new BufferedReader(
                  new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
        lines.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(loaded::add);
      } catch (IOException | NullPointerException e) {
        throw new UncheckedIOException(
            "framework-auth's common-passwords.txt.gz is missing from the classpath",
            e instanceof IOException io ? io : new IOException(e));
      }
      this.passwords = Set.copyOf(loaded);
    }

    int size() {
      return passwords.size();
    }

    Optional<String> validate(String password, User user) {
      return passwords.contains(password.toLowerCase(Locale.ROOT).strip())
          ? Optional.of(Translator.current().gettext("This password is too common."))
          : Optional.empty();
    }
  }
}
