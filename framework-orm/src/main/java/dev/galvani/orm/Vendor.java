package dev.galvani.orm;

/** The database products Galvani supports, each with its Hibernate dialect and JDBC driver. */
public enum Vendor {
  H2("h2", "org.hibernate.dialect.H2Dialect", "org.h2.Driver"),
  POSTGRESQL("postgresql", "org.hibernate.dialect.PostgreSQLDialect", "org.postgresql.Driver"),
  MARIADB("mariadb", "org.hibernate.dialect.MariaDBDialect", "org.mariadb.jdbc.Driver");

  private final String id;
  private final String dialect;
  private final String driver;

  Vendor(String id, String dialect, String driver) {
    this.id = id;
    this.dialect = dialect;
    this.driver = driver;
  }

  /** The lower-case name used in migrations' per-vendor SQL and in messages. */
  public String id() {
    return id;
  }

  String dialect() {
    return dialect;
  }

  String driver() {
    return driver;
  }
}
