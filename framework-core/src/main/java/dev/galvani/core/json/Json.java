package dev.galvani.core.json;

import dev.galvani.core.http.BadRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON through Jackson 3, with limits on nesting and sizes for request bodies. Malformed input is a
 * {@link BadRequest} whose message says where and what, without Java class names. Immutable and
 * thread-safe.
 */
public final class Json {
  private static final Json STANDARD = new Json(64);
  private final JsonMapper mapper;

  public Json(int maxDepth) {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxStringLength(10_000_000)
            .maxNumberLength(100)
            .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** The default instance used by {@code Response.json}. */
  public static Json standard() {
    return STANDARD;
  }

  public JsonMapper mapper() {
    return mapper;
  }

  public byte[] write(Object value) {
    return mapper.writeValueAsBytes(value);
  }

  /** Reads JSON into a type; any problem is a 400 that names it. */
  public <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new BadRequest("Expected a JSON body, got an empty body");
    }
    try {
      return mapper.readValue(body, type);
    } catch (StreamConstraintsException e) {
      throw new BadRequest("JSON body rejected: " + firstLine(e.getOriginalMessage()));
    } catch (DatabindException e) {
      String path = e.getPath().isEmpty() ? "" : " at " + pathOf(e);
      throw new BadRequest("JSON body does not fit the expected shape" + path + ": " + describe(e));
    } catch (JacksonException e) {
      throw new BadRequest(
          "Malformed JSON body"
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + ": "
              + firstLine(e.getOriginalMessage()));
    }
  }

  private static String pathOf(DatabindException e) {
    StringBuilder path = new StringBuilder("$");
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append('.').append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(DatabindException e) {
    String message = firstLine(e.getOriginalMessage());
    // Jackson names Java types in backticks; show only their simple names
    return message
        .replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "$1")
        .replaceAll("\\(class [^)]*\\)", "");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
