package dev.galvani.core.views;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.HttpError;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.http.SuspiciousOperation;
import dev.galvani.core.i18n.Translator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to responses, in one place: {@link HttpError}s keep their status (404, 403, 400,
 * 405 with Allow, 413), anything else is a 500. In DEBUG the page shows the exception, stack,
 * request and masked settings (and the patterns tried on 404). In production the page is plain,
 * from {@code templates/<status>.html} when the site provides one, and 500s are logged with their
 * stack. Clients that ask only for JSON get JSON.
 */
public final class ErrorPages {
  private static final Logger REQUEST_LOG = LoggerFactory.getLogger("galvani.request");
  private static final Logger SECURITY_LOG = LoggerFactory.getLogger("galvani.security");

  private final Galvani galvani;

  public ErrorPages(Galvani galvani) {
    this.galvani = galvani;
  }

  /** The response for an exception raised while handling the request. */
  public Response render(Request request, Throwable error) {
    int status = error instanceof HttpError http ? http.status() : 500;
    log(request, status, error);
    String reason = reason(Translator.current(), status);
    // 4xx messages are written for clients; a 500's message may hold internals
    String detail = status < 500 && error.getMessage() != null ? error.getMessage() : "";
    Response response;
    try {
      response = page(request, status, reason, detail, error);
    } catch (RuntimeException renderingFailed) {
      REQUEST_LOG.error("The error page for {} failed to render", status, renderingFailed);
      response = Response.text(status + " " + reason + "\n");
    }
    response.withStatus(status);
    if (error instanceof HttpError http) {
      http.headers().forEach(response::header);
    }
    return response;
  }

  private Response page(
      Request request, int status, String reason, String detail, Throwable error) {
    if (wantsJson(request)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status);
      body.put("error", reason);
      if (!detail.isEmpty()) {
        body.put("detail", detail);
      }
      return Response.json(body);
    }
    if (galvani.settings().debug()) {
      return Response.html(DebugPage.render(galvani, request, status, reason, error));
    }
    String template = status + ".html";
    if (galvani.templates().exists(template)) {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("status", status);
      context.put("reason", reason);
      context.put("detail", detail);
      return Response.render(request, template, context);
    }
    return Response.html(plainPage(status, reason, detail));
  }

  private static boolean wantsJson(Request request) {
    String accept = request.header("Accept").orElse("");
    return accept.contains("application/json") && !accept.contains("text/html");
  }

  static String plainPage(int status, String reason, String detail) {
    String shown = Html.escape(reason);
    return "<!doctype html>\n<html lang=\""
        + Html.escape(Translator.current().language())
        + "\"><head><meta charset=\"utf-8\"><title>"
        + status
        + " "
        + shown
        + "</title></head>\n<body><h1>"
        + status
        + " "
        + shown
        + "</h1>"
        + (detail.isEmpty() ? "" : "<p>" + Html.escape(detail) + "</p>")
        + "</body></html>\n";
  }

  private static void log(Request request, int status, Throwable error) {
    if (status >= 500) {
      REQUEST_LOG.error("Internal Server Error: {} {}", request.method(), request.rawPath(), error);
    } else if (error instanceof SuspiciousOperation) {
      SECURITY_LOG.warn(
          "Suspicious request from {}: {} {}: {}",
          request.clientIp(),
          request.method(),
          request.rawPath(),
          error.getMessage());
    } else if (REQUEST_LOG.isWarnEnabled()) {
      REQUEST_LOG.warn(
          "{}: {} {}: {}",
          reason(Translator.ENGLISH, status),
          request.method(),
          request.rawPath(),
          error.getMessage());
    }
  }

  /** The status's reason phrase, in the translator's language. */
  private static String reason(Translator t, int status) {
    return switch (status) {
      case 400 -> t.gettext("Bad Request");
      case 403 -> t.gettext("Forbidden");
      case 404 -> t.gettext("Not Found");
      case 405 -> t.gettext("Method Not Allowed");
      case 413 -> t.gettext("Content Too Large");
      case 500 -> t.gettext("Server Error");
      case 503 -> t.gettext("Service Unavailable");
      default -> t.gettext("Error");
    };
  }
}
