package dev.galvani.core.urls;

import dev.galvani.core.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Route builders, Django's {@code path()} and {@code include()}.
 *
 * <pre>{@code
 * import static dev.galvani.core.urls.Urls.*;
 *
 * List<Route> routes = List.of(
 *     path("", PollViews::index, "index"),
 *     path("<int:id>/", PollViews::detail, "detail"),
 *     path("<int:id>/vote/", PollViews::vote, "vote").methods("POST"));
 * List<Route> site = List.of(include("polls/", "polls", routes));
 * }</pre>
 */
public final class Urls {
  private Urls() {}

  /** A named route; the name is used by reverse ({@code "polls:detail"} inside a namespace). */
  public static Route path(String pattern, Handler view, String name) {
    Objects.requireNonNull(name, "name");
    return new Route(
        checked(pattern),
        Objects.requireNonNull(view, "view"),
        name,
        Set.of(),
        null,
        null,
        Map.of());
  }

  /** An unnamed route. */
  public static Route path(String pattern, Handler view) {
    return new Route(
        checked(pattern),
        Objects.requireNonNull(view, "view"),
        null,
        Set.of(),
        null,
        null,
        Map.of());
  }

  /** Mounts routes under a prefix and a namespace: names become {@code namespace:name}. */
  public static Route include(String prefix, String namespace, List<Route> routes) {
    Objects.requireNonNull(namespace, "namespace");
    return new Route(
        checked(prefix), null, null, Set.of(), List.copyOf(routes), namespace, Map.of());
  }

  /** Mounts routes under a prefix without a namespace. */
  public static Route include(String prefix, List<Route> routes) {
    return new Route(checked(prefix), null, null, Set.of(), List.copyOf(routes), null, Map.of());
  }

  private static String checked(String pattern) {
    return Objects.requireNonNull(pattern, "pattern");
  }
}
