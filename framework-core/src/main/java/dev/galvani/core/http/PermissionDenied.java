package dev.galvani.core.http;

/** The user may not do this: 403. */
public class PermissionDenied extends HttpError {
  private static final long serialVersionUID = 1L;

  public PermissionDenied(String message) {
    super(403, message);
  }
}
