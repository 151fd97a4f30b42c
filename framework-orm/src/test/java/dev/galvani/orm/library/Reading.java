package dev.galvani.orm.library;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.type.YesNoConverter;

/**
 * A plain model (one table, plain columns only) with one field of each kind of value, for the ORM's
 * JDBC read path: it must read every one exactly as Hibernate does.
 */
@Entity
@Table(name = "orm_reading")
public class Reading extends Model {
  @Column(name = "reading_label", length = 40, nullable = false)
  private String label;

  private Integer hits;
  private boolean active;
  private long total;
  private double ratio;

  @Column(precision = 10, scale = 3)
  private BigDecimal amount;

  private LocalDate dueOn;
  private LocalDateTime takenAt;
  private LocalTime startsAt;
  private Instant seen;
  private UUID token;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Genre genre;

  @Enumerated(EnumType.ORDINAL)
  private Genre tier;

  @Convert(converter = YesNoConverter.class)
  private boolean flagged;

  @Version private int version;

  protected Reading() {}

  public Reading(String label) {
    this.label = label;
  }

  /** Every field set, {@code seed} making each row different. */
  public static Reading full(String label, int seed) {
    Reading reading = new Reading(label);
    reading.hits = seed;
    reading.active = seed % 2 == 0;
    reading.total = 10_000_000_000L + seed;
    reading.ratio = seed / 8.0;
    reading.amount = new BigDecimal(seed + "123.450");
    reading.dueOn = LocalDate.of(2020, 2, 29).plusDays(seed);
    reading.takenAt = LocalDateTime.of(2024, 3, 31, 2, 30, 15, 123_456_000).plusHours(seed);
    reading.startsAt = LocalTime.of(21, 30, 5);
    reading.seen = Instant.parse("2025-10-26T01:30:00.654321Z").plusSeconds(seed);
    reading.token = new UUID(0x1234_5678_9abc_def0L, seed);
    reading.genre = Genre.values()[seed % 3];
    reading.tier = Genre.values()[(seed + 1) % 3];
    reading.flagged = seed % 3 == 0;
    return reading;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public int getVersion() {
    return version;
  }
}
