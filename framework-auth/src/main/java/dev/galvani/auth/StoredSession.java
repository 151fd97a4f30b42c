package dev.galvani.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session kept in the database by {@link DatabaseSessionStore}: Django's {@code Session}. */
@Entity
@Table(name = "auth_session", indexes = @Index(columnList = "expire_date"))
public class StoredSession {
  /** The most session text a row holds. */
  static final int MAX_DATA = 10_000;

  @Id
  @Column(length = 43)
  private String sessionKey;

  @Column(length = MAX_DATA, nullable = false)
  private String sessionData;

  @Column(nullable = false)
  private Instant expireDate;

  protected StoredSession() {}

  StoredSession(String sessionKey, String sessionData, Instant expireDate) {
    this.sessionKey = sessionKey;
    this.sessionData = sessionData;
    this.expireDate = expireDate;
  }

  public String getSessionKey() {
    return sessionKey;
  }

  public String getSessionData() {
    return sessionData;
  }

  public Instant getExpireDate() {
    return expireDate;
  }
}
