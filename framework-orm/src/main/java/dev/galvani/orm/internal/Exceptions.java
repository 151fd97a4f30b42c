package dev.galvani.orm.internal;

import dev.galvani.orm.DatabaseUnavailable;
import dev.galvani.orm.IntegrityError;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;

/** Turns Hibernate's and JDBC's exceptions into the named ones Galvani users catch. */
public final class Exceptions {
  private Exceptions() {}

  public static RuntimeException translate(String database, RuntimeException error) {
    if (error instanceof jakarta.persistence.OptimisticLockException) {
      return error;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.hibernate.StaleStateException) {
        return new jakarta.persistence.OptimisticLockException(
            "The row was changed by someone else since it was read (its @Version moved on);"
                + " read it again and repeat the change",
            error);
      }
      if (cause instanceof ConstraintViolationException violation) {
        String constraint = violation.getConstraintName();
        String message =
            "The database refused the change: "
                + violation.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " constraint"
                + (constraint == null ? "" : " '" + constraint + "'")
                + " violated";
        return switch (violation.getKind()) {
          case UNIQUE -> new IntegrityError.UniqueViolation(message, constraint, error);
          case FOREIGN_KEY -> new IntegrityError.ForeignKeyViolation(message, constraint, error);
          case NOT_NULL -> new IntegrityError.NotNullViolation(message, constraint, error);
          default -> new IntegrityError(message, constraint, error);
        };
      }
      if (cause instanceof JDBCConnectionException
          || cause instanceof SQLTransientConnectionException) {
        return new DatabaseUnavailable(database, cause);
      }
      if (cause instanceof IntegrityError || cause instanceof DatabaseUnavailable) {
        return (RuntimeException) cause;
      }
    }
    return error;
  }
}
