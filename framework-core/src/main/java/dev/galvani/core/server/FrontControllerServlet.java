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
import java.util.Optional;

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

  private static void write(Response source, HttpServletResponse target) throws IOException {
    target.setStatus(source.status());
    source.headers().forEach(target::addHeader);
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
