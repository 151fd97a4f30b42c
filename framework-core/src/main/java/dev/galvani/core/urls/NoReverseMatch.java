package dev.galvani.core.urls;

/** Reverse could not build a URL: the message names the route and the arguments it expects. */
public class NoReverseMatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoReverseMatch(String message) {
    super(message);
  }
}
