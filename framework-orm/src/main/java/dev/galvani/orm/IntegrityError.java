package dev.galvani.orm;

import java.util.Optional;

/**
 * The database refused a write because it breaks a constraint. Subclasses name the kind; {@link
 * #constraint()} names the constraint when the database reported it, so a form can turn a unique
 * violation into an error on the field it belongs to.
 */
public class IntegrityError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String constraint;

  public IntegrityError(String message, String constraint, Throwable cause) {
    super(message, cause);
    this.constraint = constraint;
  }

  public Optional<String> constraint() {
    return Optional.ofNullable(constraint);
  }

  /** A unique constraint or unique index rejected a duplicate value. */
  public static final class UniqueViolation extends IntegrityError {
    private static final long serialVersionUID = 1L;

    public UniqueViolation(String message, String constraint, Throwable cause) {
      super(message, constraint, cause);
    }
  }

  /** A foreign key points at a row that does not exist, or a referenced row was deleted. */
  public static final class ForeignKeyViolation extends IntegrityError {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolation(String message, String constraint, Throwable cause) {
      super(message, constraint, cause);
    }
  }

  /** A required column was given no value. */
  public static final class NotNullViolation extends IntegrityError {
    private static final long serialVersionUID = 1L;

    public NotNullViolation(String message, String constraint, Throwable cause) {
      super(message, constraint, cause);
    }
  }
}
