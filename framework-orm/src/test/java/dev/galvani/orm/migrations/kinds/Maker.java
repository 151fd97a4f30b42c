package dev.galvani.orm.migrations.kinds;

import dev.galvani.orm.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Who makes gadgets. */
@Entity
@Table(name = "mig_kinds_maker")
public class Maker extends Model {
  @Column(length = 80, nullable = false, unique = true)
  private String name;
}
