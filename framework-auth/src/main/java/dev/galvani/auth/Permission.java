package dev.galvani.auth;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A permission such as {@code polls.change_question}: the app's name and a code name. Every entity
 * of every installed app gets {@code view_}, {@code add_}, {@code change_} and {@code delete_}
 * permissions when {@code migrate} runs; an entity declares more with {@link Permissions}.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"app_label", "codename"}))
public class Permission extends Model {
  @Column(length = 255, nullable = false)
  private String name;

  @Column(length = 100, nullable = false)
  private String appLabel;

  @Column(length = 100, nullable = false)
  private String codename;

  protected Permission() {}

  public Permission(String appLabel, String codename, String name) {
    this.appLabel = appLabel;
    this.codename = codename;
    this.name = name;
  }

  /** A human name, such as "Can change question". */
  public String getName() {
    return name;
  }

  public String getAppLabel() {
    return appLabel;
  }

  public String getCodename() {
    return codename;
  }

  /** {@code app.codename}, as {@link User#hasPerm} takes it. */
  public String key() {
    return appLabel + "." + codename;
  }

  @Override
  public String toString() {
    return key();
  }
}
