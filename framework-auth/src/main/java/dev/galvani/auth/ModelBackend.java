package dev.galvani.auth;

import dev.galvani.core.Galvani;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import java.util.List;
import java.util.Optional;

/**
 * The default backend: a {@link User} row with this username and a matching password hash. An
 * unknown username spends the time of one password check, so timing does not tell which usernames
 * exist; a hash of an outdated cost is replaced after a successful check.
 */
public final class ModelBackend implements AuthenticationBackend {
  @Override
  public Optional<User> authenticate(Galvani galvani, String username, String password) {
    Passwords passwords = Auth.passwords(galvani);
    Database db = Orm.database(galvani);
    Optional<User> found =
        username == null || username.length() > 150
            ? Optional.empty()
            : db.objects(User.class)
                .filter("username", username)
                .first()
                // exactly this username: a case- or accent-insensitive collation (MariaDB's) must
                // not let "Admin" or "àdmin" stand for "admin"
                .filter(user -> user.getUsername().equals(username));
    if (found.isEmpty()) {
      passwords.spendTheTimeOfOneCheck(password);
      return Optional.empty();
    }
    User user = found.get();
    if (!passwords.check(password, user.getPassword()) || !user.isActive()) {
      return Optional.empty();
    }
    if (passwords.needsRehash(user.getPassword())) {
      passwords.setPassword(user, password);
      db.objects(User.class).bulkUpdate(List.of(user), "password");
    }
    return Optional.of(user);
  }

  @Override
  public String toString() {
    return "ModelBackend";
  }
}
