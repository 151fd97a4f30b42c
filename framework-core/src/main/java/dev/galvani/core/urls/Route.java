package dev.galvani.core.urls;

import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One URL pattern: either a view with an optional name, or an include of other routes under a
 * prefix and namespace. Build routes with {@link Urls#path} and {@link Urls#include}. Immutable.
 */
public final class Route {
  private final String pattern;
  private final Handler view;
  private final String name;
  private final Set<String> methods;
  private final List<Route> children;
  private final String namespace;
  private final Map<Key<?>, Object> options;

  Route(
      String pattern,
      Handler view,
      String name,
      Set<String> methods,
      List<Route> children,
      String namespace,
      Map<Key<?>, Object> options) {
    this.pattern = pattern;
    this.view = view;
    this.name = name;
    this.methods = methods;
    this.children = children;
    this.namespace = namespace;
    this.options = options;
  }

  /**
   * Limits the route to these methods; others get 405 with an {@code Allow} header. GET also allows
   * HEAD.
   */
  public Route methods(String... allowed) {
    Set<String> upper = new TreeSet<>();
    for (String method : allowed) {
      upper.add(method.toUpperCase(Locale.ROOT));
    }
    if (upper.contains("GET")) {
      upper.add("HEAD");
    }
    return new Route(
        pattern, view, name, Collections.unmodifiableSet(upper), children, namespace, options);
  }

  /** Attaches a per-view option that middleware can read from the match (e.g. CSRF exemption). */
  public <T> Route option(Key<T> key, T value) {
    Map<Key<?>, Object> copy = new HashMap<>(options);
    copy.put(key, value);
    return new Route(pattern, view, name, methods, children, namespace, Map.copyOf(copy));
  }

  public String pattern() {
    return pattern;
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The allowed methods; empty means every method. */
  public Set<String> allowedMethods() {
    return methods;
  }

  public <T> Optional<T> option(Key<T> key) {
    return Optional.ofNullable(key.cast(options.get(key)));
  }

  Handler view() {
    return view;
  }

  boolean isInclude() {
    return children != null;
  }

  List<Route> children() {
    return children;
  }

  Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }
}
