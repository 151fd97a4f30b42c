package dev.galvani.auth;

import dev.galvani.orm.Database;
import dev.galvani.orm.F;
import dev.galvani.orm.IntegrityError;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counting login attempts per username and per address, and refusing locked ones. An attempt is
 * counted <em>before</em> its password is checked, in one transaction that locks the counter's row,
 * so a burst of parallel attempts cannot all pass the check before any failure is written. A
 * successful login clears the username's count and takes its own attempt back from the address's,
 * so the address counts failures only.
 */
final class Lockouts {
  private final Database db;
  private final AuthSettings.Lockout settings;

  Lockouts(Database db, AuthSettings.Lockout settings) {
    this.db = db;
    this.settings = settings;
  }

  /**
   * Counts an attempt for the username and the address.
   *
   * @throws LockedOut when either has passed its limit within the cool-off
   */
  void attempt(String username, String address) {
    Instant now = Instant.now();
    Duration wait = Duration.ZERO;
    for (Subject subject : subjects(username, address)) {
      Counted counted = count(subject.key(), now);
      if (counted.attempts() > subject.limit()) {
        Duration left = Duration.between(now, counted.since().plus(settings.coolOff()));
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    if (!wait.isZero() && !wait.isNegative()) {
      throw new LockedOut(wait);
    }
  }

  /** After a successful login: the username starts afresh, the address forgets this attempt. */
  void succeeded(String username, String address) {
    for (Subject subject : subjects(username, address)) {
      var rows = db.objects(LoginFailures.class).filter("subject", subject.key());
      if (subject.key().startsWith("user:")) {
        rows.delete();
      } else {
        rows.filter("failures__gt", 0).update(Map.of("failures", F.of("failures").minus(1)));
      }
    }
  }

  /**
   * Adds one attempt and returns the count with the time of the last counted one. The update comes
   * first so it locks the row; counts older than the cool-off start again at 1, and attempts past
   * the limit do not move the time on (a lock ends one cool-off after the last failure).
   */
  private Counted count(String key, Instant now) {
    return db.atomic(
        () -> {
          var row = db.objects(LoginFailures.class).filter("subject", key);
          if (row.update(Map.of("failures", F.of("failures").plus(1))) == 0) {
            if (insert(key, now)) {
              return new Counted(1, now);
            }
            row.update(Map.of("failures", F.of("failures").plus(1)));
          }
          // read as values, not as an entity the session may hold from before the update
          Map<String, Object> current = row.values("failures", "lastFailure").get(0);
          int failures = ((Number) current.get("failures")).intValue();
          Instant last = (Instant) current.get("lastFailure");
          if (last.plus(settings.coolOff()).isBefore(now)) {
            row.update(Map.of("failures", 1, "lastFailure", now));
            return new Counted(1, now);
          }
          if (failures <= limitOf(key)) {
            row.update(Map.of("lastFailure", now));
            return new Counted(failures, now);
          }
          return new Counted(failures, last);
        });
  }

  private boolean insert(String key, Instant now) {
    try {
      db.atomic(() -> db.save(new LoginFailures(key, 1, now)));
      return true;
    } catch (IntegrityError.UniqueViolation raced) {
      return false; // another request or instance made the row first: count on it
    }
  }

  private int limitOf(String key) {
    return key.startsWith("user:") ? settings.perUsername() : settings.perAddress();
  }

  private List<Subject> subjects(String username, String address) {
    List<Subject> subjects = new ArrayList<>(2);
    if (settings.perUsername() > 0 && !username.isEmpty()) {
      String name = normalized(username);
      subjects.add(
          new Subject(
              "user:" + name.substring(0, Math.min(name.length(), 150)), settings.perUsername()));
    }
    if (settings.perAddress() > 0 && !address.isEmpty()) {
      subjects.add(new Subject("ip:" + address, settings.perAddress()));
    }
    return subjects;
  }

  /**
   * One counter for every spelling a case- or accent-insensitive database would match: NFKD, marks
   * and invisible characters dropped, lower case.
   */
  static String normalized(String username) {
    String decomposed = Normalizer.normalize(username.strip(), Normalizer.Form.NFKD);
    StringBuilder kept = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(
            c ->
                Character.getType(c) != Character.NON_SPACING_MARK
                    && Character.getType(c) != Character.FORMAT
                    && !Character.isISOControl(c))
        .forEach(kept::appendCodePoint);
    return kept.toString().toLowerCase(Locale.ROOT);
  }

  private record Subject(String key, int limit) {}

  private record Counted(int attempts, Instant since) {}
}
