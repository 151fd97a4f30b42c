package dev.galvani.core.http;

/**
 * A view: turns a request into a response. Views and the handler chain built from middleware share
 * this one shape.
 *
 * <pre>{@code
 * Handler hello = request -> Response.text("Hello, " + request.query().first("name").orElse("world"));
 * }</pre>
 */
@FunctionalInterface
public interface Handler {
  Response handle(Request request) throws Exception;
}
