package dev.galvani.auth;

import dev.galvani.core.Galvani;
import java.util.Optional;

/**
 * Checks credentials, as Django's authentication backends: {@link Auth#authenticate} asks each
 * backend of {@link AuthSettings#backends()} in turn and logs in the first user one returns. A
 * backend for another source (LDAP, say) finds or creates the matching {@link User} row, so
 * sessions and permissions work the same for every backend.
 */
@FunctionalInterface
public interface AuthenticationBackend {
  /** The active user these credentials belong to, or empty to let the next backend try. */
  Optional<User> authenticate(Galvani galvani, String username, String password);
}
