package dev.galvani.auth;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who can log in, as Django's {@code auth.User}. The password is only ever stored as a
 * hash: set it with {@link Passwords#setPassword}. To keep more about users, add a profile entity
 * with a one-to-one relation to {@code User} (see docs/topics/authentication.md).
 */
@Entity
@Table(name = "auth_user")
public class User extends Model implements Account {
  @Column(length = 150, nullable = false, unique = true)
  private String username;

  @Column(length = 254, nullable = false)
  private String email = "";

  @Column(length = 150, nullable = false)
  private String firstName = "";

  @Column(length = 150, nullable = false)
  private String lastName = "";

  /** The hash, {@code bcrypt_sha256$...}; {@code !} plus random text means no usable password. */
  @Column(length = 128, nullable = false)
  private String password = "";

  @Column(nullable = false)
  private boolean active = true;

  @Column(nullable = false)
  private boolean staff;

  @Column(nullable = false)
  private boolean superuser;

  private Instant lastLogin;

  @Column(nullable = false)
  private Instant dateJoined = Instant.now();

  @ManyToMany
  @JoinTable(
      name = "auth_user_groups",
      joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "group_id"))
  private Set<Group> groups = new HashSet<>();

  @ManyToMany
  @JoinTable(
      name = "auth_user_user_permissions",
      joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "permission_id"))
  private Set<Permission> userPermissions = new HashSet<>();

  @Transient private Set<String> permissionCache;

  protected User() {}

  public User(String username) {
    this.username = username;
  }

  @Override
  public boolean isAuthenticated() {
    return true;
  }

  @Override
  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  /** The stored hash (never the password itself). */
  public String getPassword() {
    return password;
  }

  /** Stores an already-hashed value; use {@link Passwords#setPassword} for a raw password. */
  void setPasswordHash(String hash) {
    this.password = hash;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  @Override
  public boolean isStaff() {
    return staff;
  }

  public void setStaff(boolean staff) {
    this.staff = staff;
  }

  @Override
  public boolean isSuperuser() {
    return superuser;
  }

  public void setSuperuser(boolean superuser) {
    this.superuser = superuser;
  }

  public Instant getLastLogin() {
    return lastLogin;
  }

  void setLastLogin(Instant lastLogin) {
    this.lastLogin = lastLogin;
  }

  public Instant getDateJoined() {
    return dateJoined;
  }

  public Set<Group> getGroups() {
    return groups;
  }

  public Set<Permission> getUserPermissions() {
    return userPermissions;
  }

  @Override
  public boolean hasPerm(String permission) {
    if (!active) {
      return false;
    }
    return superuser || permissions().contains(permission);
  }

  @Override
  public boolean hasModulePerms(String appLabel) {
    if (!active) {
      return false;
    }
    String prefix = appLabel + ".";
    return superuser || permissions().stream().anyMatch(key -> key.startsWith(prefix));
  }

  /**
   * Every permission key the user holds directly or through a group, read once per instance (a user
   * is loaded afresh for each request).
   */
  public Set<String> permissions() {
    if (permissionCache == null) {
      Set<String> keys = new HashSet<>();
      userPermissions.forEach(permission -> keys.add(permission.key()));
      groups.forEach(group -> group.getPermissions().forEach(p -> keys.add(p.key())));
      permissionCache = keys;
    }
    return permissionCache;
  }

  @Override
  public String toString() {
    return username;
  }
}
