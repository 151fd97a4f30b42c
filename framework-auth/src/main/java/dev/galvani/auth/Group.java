package dev.galvani.auth;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A named set of permissions; a user in the group has them all. */
@Entity
@Table(name = "auth_group")
public class Group extends Model {
  @Column(length = 150, nullable = false, unique = true)
  private String name;

  @ManyToMany
  @JoinTable(
      name = "auth_group_permissions",
      joinColumns = @JoinColumn(name = "group_id"),
      inverseJoinColumns = @JoinColumn(name = "permission_id"))
  private Set<Permission> permissions = new HashSet<>();

  protected Group() {}

  public Group(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public Set<Permission> getPermissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return name;
  }
}
