package dev.galvani.auth;

/** The account of a visitor who is not logged in: no permissions, not active, not staff. */
public final class AnonymousUser implements Account {
  public static final AnonymousUser INSTANCE = new AnonymousUser();

  private AnonymousUser() {}

  @Override
  public boolean isAuthenticated() {
    return false;
  }

  @Override
  public String getUsername() {
    return "";
  }

  @Override
  public boolean isActive() {
    return false;
  }

  @Override
  public boolean isStaff() {
    return false;
  }

  @Override
  public boolean isSuperuser() {
    return false;
  }

  @Override
  public boolean hasPerm(String permission) {
    return false;
  }

  @Override
  public boolean hasModulePerms(String appLabel) {
    return false;
  }

  @Override
  public String toString() {
    return "AnonymousUser";
  }
}
