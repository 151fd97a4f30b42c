package dev.galvani.core.http;

import java.util.Set;
import java.util.TreeSet;

/** The URL exists but does not accept this method: 405 with an {@code Allow} header. */
public class MethodNotAllowed extends HttpError {
  private static final long serialVersionUID = 1L;
  private final Set<String> allowed;

  public MethodNotAllowed(String method, Set<String> allowed) {
    super(405, "Method " + method + " is not allowed here; allowed: " + String.join(", ", allowed));
    this.allowed = Set.copyOf(new TreeSet<>(allowed));
  }

  /** The methods the URL accepts, for the {@code Allow} header. */
  public Set<String> allowed() {
    return new TreeSet<>(allowed);
  }

  @Override
  public java.util.Map<String, String> headers() {
    return java.util.Map.of("Allow", String.join(", ", allowed()));
  }
}
