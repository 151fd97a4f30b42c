package dev.galvani.core.http;

import java.util.Objects;

/**
 * A typed key for request attributes, route options and module settings: no string-keyed maps for
 * framework state. Keys compare by identity, so two keys with the same name never collide.
 *
 * <pre>{@code
 * static final Key<User> USER = Key.of("auth.user", User.class);
 * request.set(USER, user);
 * Optional<User> user = request.get(USER);
 * }</pre>
 */
public final class Key<T> {
  private final String name;
  private final Class<T> type;

  private Key(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> Key<T> of(String name, Class<T> type) {
    return new Key<>(name, type);
  }

  public String name() {
    return name;
  }

  public T cast(Object value) {
    return type.cast(value);
  }

  @Override
  public String toString() {
    return "Key(" + name + ": " + type.getSimpleName() + ")";
  }
}
