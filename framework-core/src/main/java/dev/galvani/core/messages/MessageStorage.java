package dev.galvani.core.messages;

import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import dev.galvani.core.sessions.Session;
import dev.galvani.core.sessions.SessionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request's messages: those left by earlier requests (loaded lazily) and those added now.
 * Reading them marks them used; after the response, used messages are dropped and the rest kept, in
 * the session when the request has one, else in a signed cookie. Not thread-safe.
 */
final class MessageStorage {
  static final Key<MessageStorage> KEY = Key.of("galvani.messages", MessageStorage.class);

  /** The session value holding messages between requests. */
  static final String SESSION_KEY = "_messages";

  /** Django's limit for the messages cookie, well under what browsers keep. */
  static final int MAX_COOKIE_CHARS = 2048;

  private static final Logger LOG = LoggerFactory.getLogger(MessageStorage.class);
  private static final JsonMapper MAPPER = Json.standard().mapper();

  private final Request request;
  private final MessageSettings settings;
  private final Optional<Session> session;
  private List<Message> loaded;
  private final List<Message> queued = new ArrayList<>();
  private boolean used;

  MessageStorage(Request request, MessageSettings settings) {
    this.request = request;
    this.settings = settings;
    this.session = request.get(Session.KEY);
  }

  void add(Message message) {
    if (message.level().value() >= settings.minimumLevel().value()) {
      queued.add(message);
    }
  }

  /** The messages without marking them used (for a count or an emptiness test). */
  List<Message> peek() {
    List<Message> all = new ArrayList<>(loaded());
    all.addAll(queued);
    return all;
  }

  /** The messages, marked used: they will not be shown again. */
  List<Message> consume() {
    used = true;
    loaded().addAll(queued);
    queued.clear();
    return loaded;
  }

  /** Keeps what is left for the next request; called by the middleware after the view. */
  void update(Response response) {
    List<Message> keep;
    if (used) {
      keep = queued;
    } else if (!queued.isEmpty()) {
      keep = peek();
    } else {
      return; // untouched, or read without being used: the stored messages stay as they are
    }
    if (session.isPresent()) {
      storeInSession(session.get(), keep);
    } else {
      storeInCookie(response, new ArrayList<>(keep));
    }
  }

  private List<Message> loaded() {
    if (loaded == null) {
      loaded = new ArrayList<>();
      if (session.isPresent()) {
        session
            .get()
            .get(SESSION_KEY, JsonNode.class)
            .ifPresent(node -> loaded.addAll(decode(node)));
      } else {
        request.signedCookie(settings.cookieName()).ifPresent(text -> loaded.addAll(parse(text)));
      }
    }
    return loaded;
  }

  private void storeInSession(Session session, List<Message> keep) {
    if (keep.isEmpty()) {
      if (session.contains(SESSION_KEY)) {
        session.remove(SESSION_KEY);
      }
    } else {
      session.set(SESSION_KEY, encode(keep));
    }
  }

  private void storeInCookie(Response response, List<Message> keep) {
    String name = settings.cookieName();
    if (keep.isEmpty()) {
      if (request.cookie(name).isPresent()) {
        response.cookie(cookie("").maxAge(Duration.ZERO));
      }
      return;
    }
    String signed = sign(keep);
    int dropped = 0;
    while (signed.length() > MAX_COOKIE_CHARS && keep.size() > 1) {
      keep.remove(0); // the oldest go first, as in Django
      dropped++;
      signed = sign(keep);
    }
    if (signed.length() > MAX_COOKIE_CHARS) {
      LOG.warn("A flash message is too long for the {} cookie and was dropped", name);
      response.cookie(cookie("").maxAge(Duration.ZERO));
      return;
    }
    if (dropped > 0) {
      LOG.warn("{} older flash message(s) did not fit in the {} cookie", dropped, name);
    }
    response.cookie(cookie(signed));
  }

  private String sign(List<Message> messages) {
    String json = MAPPER.writeValueAsString(encode(messages));
    return request.galvani().cookieSigner(settings.cookieName()).sign(json);
  }

  private Cookie cookie(String value) {
    SessionSettings sessions = SessionSettings.from(request.galvani().settings());
    return Cookie.of(settings.cookieName(), value)
        .secure(sessions.secure())
        .sameSite(sessions.sameSite());
  }

  private static List<Map<String, String>> encode(List<Message> messages) {
    List<Map<String, String>> encoded = new ArrayList<>();
    for (Message message : messages) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("level", message.level().name());
      entry.put("text", message.text());
      encoded.add(entry);
    }
    return encoded;
  }

  private static List<Message> parse(String json) {
    try {
      return decode(MAPPER.readTree(json));
    } catch (JacksonException e) {
      return List.of();
    }
  }

  /** Reads stored messages, skipping anything malformed: stored data is never trusted blindly. */
  private static List<Message> decode(JsonNode node) {
    List<Message> messages = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return messages;
    }
    for (JsonNode entry : node) {
      JsonNode level = entry.get("level");
      JsonNode text = entry.get("text");
      if (level != null && level.isString() && text != null && text.isString()) {
        try {
          messages.add(new Message(Level.valueOf(level.asString()), text.asString()));
        } catch (IllegalArgumentException e) {
          // an unknown level: skip the message
        }
      }
    }
    return messages;
  }
}
