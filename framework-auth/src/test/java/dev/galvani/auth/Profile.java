package dev.galvani.auth;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToOne;

// snippet:profile
/** More about a user, in the project's own app: the documented way to extend the user. */
@Entity
public class Profile extends Model {
  @OneToOne(optional = false)
  private User user;

  @Column(length = 200, nullable = false)
  private String bio = "";

  protected Profile() {}

  public Profile(User user, String bio) {
    this.user = user;
    this.bio = bio;
  }

  public String getBio() {
    return bio;
  }
}
// end-snippet
