package dev.galvani.orm.migrations.kinds;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

/** An entity with a column of every common Java type, to check the neutral types both ways. */
@Entity
@Table(name = "mig_kinds_gadget", indexes = @Index(columnList = "released"))
public class Gadget extends Model {
  @Column(length = 120, nullable = false)
  private String name;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  private String description;

  private int stock;
  private long views;
  private short rank;

  @ColumnDefault("FALSE")
  @Column(nullable = false)
  private boolean discontinued;

  private double weight;

  @Column(precision = 10, scale = 2)
  private BigDecimal price;

  private LocalDate released;
  private LocalTime opensAt;
  private LocalDateTime updated;
  private Instant created;
  private UUID serial;
  private byte[] thumbnail;

  @Enumerated(EnumType.STRING)
  @Column(length = 12)
  private DayOfWeek restDay;

  @ManyToOne(fetch = FetchType.LAZY)
  @OnDelete(action = OnDeleteAction.CASCADE)
  private Maker maker;

  @ManyToMany
  @JoinTable(name = "mig_kinds_gadget_makers")
  private Set<Maker> partners = new HashSet<>();
}
