package dev.galvani.core.http;

import java.io.InputStream;

/**
 * A request as it arrives, before Galvani reads it: what the front-controller servlet and the
 * TestClient hand to {@code Galvani.handle}.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param queryString the raw query string, empty when absent
 * @param contentLength the declared body length, or -1 when unknown
 */
public record RawRequest(
    String method,
    String rawPath,
    String queryString,
    Headers headers,
    InputStream body,
    long contentLength,
    String remoteAddress,
    String scheme,
    String serverName,
    int serverPort) {}
