package dev.galvani.orm.migrations;

/** What a foreign key does to its rows when the row they reference is deleted. */
public enum OnDelete {
  NO_ACTION("NO ACTION"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT"),
  RESTRICT("RESTRICT");

  private final String sql;

  OnDelete(String sql) {
    this.sql = sql;
  }

  String sql() {
    return sql;
  }
}
