package dev.galvani.auth;

import dev.galvani.orm.Database;
import dev.galvani.orm.F;
import dev.galvani.orm.IntegrityError;
import dev.galvani.orm.ObjectDoesNotExist;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Counting failed logins per username and per address, and refusing locked ones. */
final class Lockouts {
  private final Database db;
  private final AuthSettings.Lockout settings;

  Lockouts(Database db, AuthSettings.Lockout settings) {
    this.db = db;
    this.settings = settings;
  }

  /**
   * @throws LockedOut when the username or the address has reached its limit within the cool-off
   */
  void check(String username, String address) {
    Instant now = Instant.now();
    Duration wait = Duration.ZERO;
    for (Subject subject : subjects(username, address)) {
      Optional<LoginFailures> row = find(subject.key());
      if (row.isPresent()
          && row.get().getFailures() >= subject.limit()
          && row.get().getLastFailure().plus(settings.coolOff()).isAfter(now)) {
        Duration left = Duration.between(now, row.get().getLastFailure().plus(settings.coolOff()));
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    if (!wait.isZero()) {
      throw new LockedOut(wait);
    }
  }

  /** Counts one failure against the username and the address. */
  void failed(String username, String address) {
    Instant now = Instant.now();
    for (Subject subject : subjects(username, address)) {
      db.atomic(
          () -> {
            var rows = db.objects(LoginFailures.class).filter("subject", subject.key());
            Optional<LoginFailures> row = find(subject.key());
            if (row.isPresent()
                && row.get().getLastFailure().plus(settings.coolOff()).isBefore(now)) {
              // the earlier failures are older than the cool-off: start counting again
              rows.update(Map.of("failures", 1, "lastFailure", now));
            } else if (rows.update(Map.of("failures", F.of("failures").plus(1), "lastFailure", now))
                == 0) {
              insertOrCount(subject.key(), now);
            }
          });
    }
  }

  /** Forgets the failures of a username and an address after a successful login. */
  void succeeded(String username, String address) {
    for (Subject subject : subjects(username, address)) {
      db.objects(LoginFailures.class).filter("subject", subject.key()).delete();
    }
  }

  private void insertOrCount(String key, Instant now) {
    try {
      db.atomic(() -> db.save(new LoginFailures(key, 1, now)));
    } catch (IntegrityError.UniqueViolation raced) {
      // another instance inserted it first: count on its row
      db.objects(LoginFailures.class)
          .filter("subject", key)
          .update(Map.of("failures", F.of("failures").plus(1), "lastFailure", now));
    }
  }

  private Optional<LoginFailures> find(String key) {
    try {
      return Optional.of(db.objects(LoginFailures.class).get("subject", key));
    } catch (ObjectDoesNotExist none) {
      return Optional.empty();
    }
  }

  private List<Subject> subjects(String username, String address) {
    List<Subject> subjects = new ArrayList<>(2);
    if (settings.perUsername() > 0 && !username.isEmpty()) {
      String name = username.toLowerCase(Locale.ROOT);
      subjects.add(
          new Subject(
              "user:" + name.substring(0, Math.min(name.length(), 150)), settings.perUsername()));
    }
    if (settings.perAddress() > 0 && !address.isEmpty()) {
      subjects.add(new Subject("ip:" + address, settings.perAddress()));
    }
    return subjects;
  }

  private record Subject(String key, int limit) {}
}
