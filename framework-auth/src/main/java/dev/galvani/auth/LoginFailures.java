package dev.galvani.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Recent failed logins for one username ({@code user:ada}) or one client address ({@code
 * ip:192.0.2.1}), in the database so every instance of the site sees them.
 */
@Entity
@Table(name = "auth_login_failures")
public class LoginFailures {
  @Id
  @Column(length = 200)
  private String subject;

  @Column(nullable = false)
  private int failures;

  @Column(nullable = false)
  private Instant lastFailure;

  protected LoginFailures() {}

  LoginFailures(String subject, int failures, Instant lastFailure) {
    this.subject = subject;
    this.failures = failures;
    this.lastFailure = lastFailure;
  }

  public String getSubject() {
    return subject;
  }

  public int getFailures() {
    return failures;
  }

  public Instant getLastFailure() {
    return lastFailure;
  }
}
