package dev.galvani.core.sessions;

import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import dev.galvani.core.json.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visitor's session: named values kept between requests, found with {@link #of(Request)} when
 * {@link SessionMiddleware} is in the settings. It is read from the store on first use, and saved
 * after the view only if it was changed.
 *
 * <pre>{@code
 * Session session = Session.of(request);
 * int visits = session.get("visits", Integer.class).orElse(0) + 1;
 * session.set("visits", visits);
 * }</pre>
 *
 * <p>Values are stored as JSON, so keep to JSON-friendly values: strings, numbers, booleans, and
 * lists and maps of those. {@link #set} turns a value into that form at once (a record becomes a
 * map, an {@code Instant} an ISO-8601 string), so a value reads back the same in this request and
 * the next; {@link #get} converts it back to the type you ask for. Not thread-safe: it belongs to
 * one request.
 */
public final class Session {
  /** The request attribute holding the session; {@link #of(Request)} reads it. */
  public static final Key<Session> KEY = Key.of("galvani.session", Session.class);

  private static final JsonMapper MAPPER = Json.standard().mapper();

  private final Supplier<Optional<SessionCodec.Stored>> loader;
  private final SessionSettings settings;
  private Map<String, Object> data;
  private Duration age;
  private Boolean expireAtBrowserClose;
  private boolean loadedFromStore;
  private boolean accessed;
  private boolean modified;
  private boolean newKey;

  Session(Supplier<Optional<SessionCodec.Stored>> loader, SessionSettings settings) {
    this.loader = loader;
    this.settings = settings;
  }

  /**
   * The session of this request.
   *
   * @throws IllegalStateException when {@link SessionMiddleware} is not in the settings' middleware
   */
  public static Session of(Request request) {
    return request
        .get(KEY)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "There is no session: add SessionMiddleware to Settings.middleware, before"
                        + " any middleware that uses sessions"));
  }

  /**
   * The value stored under {@code name}, converted to {@code type}.
   *
   * @throws IllegalArgumentException when the stored value does not convert to {@code type}
   */
  public <T> Optional<T> get(String name, Class<T> type) {
    Object value = data().get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    try {
      return Optional.of(MAPPER.convertValue(value, type));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The session value '"
              + name
              + "' is a "
              + value.getClass().getSimpleName()
              + " and does not convert to "
              + type.getSimpleName(),
          e);
    }
  }

  /**
   * Stores a value, replacing any earlier one; use {@link #remove} to drop it.
   *
   * @throws IllegalArgumentException when Jackson cannot write the value as JSON
   */
  public void set(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value: use remove(name) to drop a value");
    data().put(name, toJsonForm(name, value));
    modified = true;
  }

  /** Removes a value; returns whether there was one. */
  public boolean remove(String name) {
    boolean removed = data().remove(name) != null;
    modified |= removed;
    return removed;
  }

  public boolean contains(String name) {
    return data().containsKey(name);
  }

  /** The names of the stored values, in the order they were first set. */
  public Set<String> names() {
    return Collections.unmodifiableSet(data().keySet());
  }

  public boolean isEmpty() {
    return data().isEmpty();
  }

  /** Whether anything changed in this request, so the session will be saved. */
  public boolean isModified() {
    return modified;
  }

  /**
   * Logs out: drops every value, deletes the stored session and gives the visitor a new, empty one
   * under a new id. Django's {@code session.flush()}.
   */
  public void flush() {
    data().clear();
    age = null;
    expireAtBrowserClose = null;
    modified = true;
    newKey = true;
  }

  /**
   * Keeps the values under a new id and deletes the old one: call it at login, so an id planted or
   * seen before login is worthless after it. Django's {@code session.cycle_key()}.
   */
  public void cycleKey() {
    data();
    modified = true;
    newKey = true;
  }

  /** Lets this session live for {@code age} after it is saved, instead of the settings' age. */
  public void setExpiry(Duration age) {
    if (age.isZero() || age.isNegative()) {
      throw new IllegalArgumentException("A session's expiry must be positive, not " + age);
    }
    data();
    this.age = age;
    modified = true;
  }

  /** Sends this session's cookie without Max-Age, or with it, whatever the settings say. */
  public void setExpireAtBrowserClose(boolean expireAtBrowserClose) {
    data();
    this.expireAtBrowserClose = expireAtBrowserClose;
    modified = true;
  }

  /** How long the session lives after it is saved. */
  public Duration expiry() {
    data();
    return age != null ? age : settings.age();
  }

  /** Whether the cookie is sent without Max-Age, so the browser drops it when it closes. */
  public boolean expiresAtBrowserClose() {
    data();
    return expireAtBrowserClose != null ? expireAtBrowserClose : settings.expireAtBrowserClose();
  }

  // ---- for SessionMiddleware ----

  boolean wasAccessed() {
    return accessed;
  }

  /** Whether the data came from the store under the cookie's id (which may then be reused). */
  boolean loadedFromStore() {
    return loadedFromStore;
  }

  boolean needsNewKey() {
    return newKey;
  }

  SessionCodec.Stored toStored() {
    return new SessionCodec.Stored(
        data(), Optional.ofNullable(age), Optional.ofNullable(expireAtBrowserClose));
  }

  private Map<String, Object> data() {
    if (data == null) {
      accessed = true;
      Optional<SessionCodec.Stored> stored = loader.get();
      data = new LinkedHashMap<>();
      stored.ifPresent(
          found -> {
            data.putAll(found.data());
            age = found.age().orElse(null);
            expireAtBrowserClose = found.expireAtBrowserClose().orElse(null);
            loadedFromStore = true;
          });
    }
    return data;
  }

  private static Object toJsonForm(String name, Object value) {
    try {
      return MAPPER.treeToValue(MAPPER.valueToTree(value), Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "The session value '"
              + name
              + "' ("
              + value.getClass().getSimpleName()
              + ") cannot be stored as JSON; store strings, numbers, booleans, lists or maps",
          e);
    }
  }

  @Override
  public String toString() {
    return data == null ? "Session(not loaded)" : "Session(" + data.keySet() + ")";
  }
}
