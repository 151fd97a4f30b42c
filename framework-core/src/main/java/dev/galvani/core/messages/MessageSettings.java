package dev.galvani.core.messages;

import dev.galvani.core.Settings;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Key;
import java.util.Objects;

/**
 * Settings of the flash messages, set with {@code settings.set(MessageSettings.KEY, ...)}.
 * Immutable.
 *
 * @param minimumLevel messages below it are dropped when added; {@link Level#INFO} by default, so
 *     {@code DEBUG} messages are ignored
 * @param cookieName the signed cookie that carries messages when there is no {@code
 *     SessionMiddleware}; {@code messages} by default
 */
public record MessageSettings(Level minimumLevel, String cookieName) {
  /** Where the settings live. */
  public static final Key<MessageSettings> KEY = Key.of("MESSAGES", MessageSettings.class);

  private static final MessageSettings DEFAULTS = new MessageSettings(Level.INFO, "messages");

  public MessageSettings {
    Objects.requireNonNull(minimumLevel, "minimumLevel");
    Cookie.of(cookieName, ""); // fails now for a name a cookie cannot have
  }

  /** INFO and up, in the {@code messages} cookie when there are no sessions. */
  public static MessageSettings defaults() {
    return DEFAULTS;
  }

  /** The site's message settings, or the defaults. */
  public static MessageSettings from(Settings settings) {
    return settings.get(KEY).orElse(DEFAULTS);
  }

  public MessageSettings withMinimumLevel(Level minimumLevel) {
    return new MessageSettings(minimumLevel, cookieName);
  }

  public MessageSettings withCookieName(String cookieName) {
    return new MessageSettings(minimumLevel, cookieName);
  }
}
