package dev.galvani.core.http;

/** Raised by a view (or the URL resolver) when nothing lives at the requested URL: 404. */
public class NotFound extends HttpError {
  private static final long serialVersionUID = 1L;

  public NotFound(String message) {
    super(404, message);
  }
}
