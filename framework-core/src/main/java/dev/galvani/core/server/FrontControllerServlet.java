package dev.galvani.core.server;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.BodyWriter;
import dev.galvani.core.http.Cookie;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.RawRequest;
import dev.galvani.core.http.Response;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee11.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The one servlet: turns the servlet request into a {@link RawRequest}, hands it to {@link
 * Galvani#handle} and writes the response. No routing or special cases live here.
 */
final class FrontControllerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient Galvani galvani;

  FrontControllerServlet(Galvani galvani) {
    this.galvani = galvani;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Headers headers = new Headers();
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        headers.add(name, values.nextElement());
      }
    }
    String query = request.getQueryString();
    RawRequest raw =
        new RawRequest(
            request.getMethod(),
            request.getRequestURI(),
            query == null ? "" : query,
            headers,
            request.getInputStream(),
            request.getContentLengthLong(),
            request.getRemoteAddr(),
            request.getScheme(),
            request.getServerName(),
            request.getServerPort());
    write(galvani.handle(raw), response);
  }

  /**
   * Headers whose values rarely change (security headers, Server, Vary, Cache-Control): sent as
   * pre-encoded fields, remembered per name and value (at most {@value #ENCODED_LIMIT}), so the
   * headers every response carries cost no encoding per request.
   */
  private static final Set<String> CONSTANT_HEADERS =
      Set.of(
          "x-frame-options",
          "x-content-type-options",
          "referrer-policy",
          "cross-origin-opener-policy",
          "strict-transport-security",
          "content-security-policy-report-only",
          "server",
          "vary",
          "cache-control");

  private static final int ENCODED_LIMIT = 512;
  private final transient Map<String, HttpField> encodedFields = new ConcurrentHashMap<>();

  private HttpField encoded(String name, String value) {
    String key = name + '\n' + value;
    HttpField field = encodedFields.get(key);
    if (field == null) {
      field = new PreEncodedHttpField(name, value);
      if (encodedFields.size() < ENCODED_LIMIT) {
        encodedFields.put(key, field);
      }
    }
    return field;
  }

  private static HttpFields.Mutable coreHeaders(HttpServletResponse target) {
    ServletContextResponse core = ServletContextResponse.getServletContextResponse(target);
    return core == null ? null : core.getHeaders();
  }

  private void write(Response source, HttpServletResponse target) throws IOException {
    target.setStatus(source.status());
    HttpFields.Mutable fields = coreHeaders(target);
    source
        .headers()
        .forEach(
            (name, value) -> {
              if (name.equalsIgnoreCase("Content-Type")) {
                target.setContentType(value); // Jetty's own setter is its fast path
              } else if (fields != null
                  && CONSTANT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                fields.add(encoded(name, value));
              } else {
                target.addHeader(name, value);
              }
            });
    for (Cookie cookie : source.cookies()) {
      target.addHeader("Set-Cookie", cookie.toHeader());
    }
    Optional<byte[]> body = source.body();
    if (body.isPresent()) {
      byte[] bytes = body.get();
      if (!source.headers().contains("Content-Length")) {
        target.setContentLength(bytes.length);
      }
      if (bytes.length > 0) {
        target.getOutputStream().write(bytes);
      }
      return;
    }
    Optional<BodyWriter> writer = source.streamingBody();
    if (writer.isPresent()) {
      if (source.contentLength() >= 0) {
        target.setContentLengthLong(source.contentLength());
      }
      ServletOutputStream out = target.getOutputStream();
      writer.get().writeTo(out);
    }
  }
}
