package dev.galvani.core.urls;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import java.util.Map;
import java.util.Optional;

/**
 * What the URL resolver found for a path: the route, its qualified name and the converted
 * arguments.
 */
public final class ResolverMatch {
  private final Route route;
  private final String routeName;
  private final String fullPattern;
  private final Map<String, Object> args;

  ResolverMatch(Route route, String routeName, String fullPattern, Map<String, Object> args) {
    this.route = route;
    this.routeName = routeName;
    this.fullPattern = fullPattern;
    this.args = args;
  }

  /** The qualified name ({@code polls:detail}), or the pattern for unnamed routes. */
  public String routeName() {
    return routeName;
  }

  /** The whole pattern from the root, e.g. {@code polls/<int:id>/}. */
  public String pattern() {
    return fullPattern;
  }

  /** Captured arguments, converted: {@code <int:id>} is an Integer. */
  public Map<String, Object> args() {
    return args;
  }

  public Handler view() {
    return route.view();
  }

  public <T> Optional<T> option(Key<T> key) {
    return route.option(key);
  }

  public Route route() {
    return route;
  }
}
