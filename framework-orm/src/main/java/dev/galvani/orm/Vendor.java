package dev.galvani.orm;

/** The database products Galvani supports, each with its Hibernate dialect and JDBC driver. */
public enum Vendor {
  H2("h2", "H2", "org.h2.Driver"),
  POSTGRESQL("postgresql", "PostgreSQL", "org.postgresql.Driver"),
  MARIADB("mariadb", "MariaDB", "org.mariadb.jdbc.Driver");

  private final String id;
  private final String productName;
  private final String driver;

  Vendor(String id, String productName, String driver) {
    this.id = id;
    this.productName = productName;
    this.driver = driver;
  }

  /** The lower-case name used in migrations' per-vendor SQL and in messages. */
  public String id() {
    return id;
  }

  /** The product name JDBC reports, from which Hibernate picks its dialect. */
  String productName() {
    return productName;
  }

  String driver() {
    return driver;
  }
}
