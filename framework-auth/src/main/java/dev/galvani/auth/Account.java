package dev.galvani.auth;

import java.util.Collection;

/**
 * Who is making the request: a {@link User}, or {@link AnonymousUser#INSTANCE} when nobody is
 * logged in. Django's {@code request.user}; get it with {@link Auth#user}.
 */
public interface Account {
  boolean isAuthenticated();

  /** The username, empty for the anonymous user. */
  String getUsername();

  boolean isActive();

  boolean isStaff();

  boolean isSuperuser();

  /**
   * Whether the account holds {@code permission} ({@code app.codename}): always for an active
   * superuser, never for an inactive or anonymous account, else when the user or one of their
   * groups has it.
   */
  boolean hasPerm(String permission);

  /** Whether the account holds every one of {@code permissions}. */
  default boolean hasPerms(Collection<String> permissions) {
    return permissions.stream().allMatch(this::hasPerm);
  }

  /** Whether the account holds any permission of the app {@code appLabel}. */
  boolean hasModulePerms(String appLabel);
}
