package dev.galvani.core.sessions;

import dev.galvani.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text a store keeps for a session: {@code {"data":{...},"expiresAt":<epoch seconds>}}, plus
 * {@code "age"} (seconds) and {@code "browserClose"} when the session overrode the settings. The
 * expiry time travels inside, so every store expires sessions the same way. Decoding never throws:
 * anything malformed or expired is no session.
 */
final class SessionCodec {
  private static final JsonMapper MAPPER = Json.standard().mapper();

  /** What a session keeps between requests. */
  record Stored(
      Map<String, Object> data, Optional<Duration> age, Optional<Boolean> expireAtBrowserClose) {}

  private SessionCodec() {}

  static String encode(Stored session, Instant expiresAt) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("data", MAPPER.valueToTree(session.data()));
    root.put("expiresAt", expiresAt.getEpochSecond());
    session.age().ifPresent(age -> root.put("age", age.getSeconds()));
    session.expireAtBrowserClose().ifPresent(close -> root.put("browserClose", close));
    return MAPPER.writeValueAsString(root);
  }

  static Optional<Stored> decode(String text, Instant now) {
    try {
      JsonNode root = MAPPER.readTree(text);
      JsonNode data = root.get("data");
      JsonNode expiresAt = root.get("expiresAt");
      if (!root.isObject()
          || data == null
          || !data.isObject()
          || expiresAt == null
          || !expiresAt.isIntegralNumber()
          || now.getEpochSecond() >= expiresAt.asLong()) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> values = MAPPER.treeToValue(data, LinkedHashMap.class);
      JsonNode age = root.get("age");
      JsonNode browserClose = root.get("browserClose");
      return Optional.of(
          new Stored(
              values,
              age != null && age.isIntegralNumber() && age.asLong() > 0
                  ? Optional.of(Duration.ofSeconds(age.asLong()))
                  : Optional.empty(),
              browserClose != null && browserClose.isBoolean()
                  ? Optional.of(browserClose.asBoolean())
                  : Optional.empty()));
    } catch (JacksonException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
