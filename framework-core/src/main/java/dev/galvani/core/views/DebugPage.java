package dev.galvani.core.views;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Request;
import dev.galvani.core.urls.UrlResolver.RouteInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;

/** The DEBUG error page: what went wrong, where, with which request and settings. */
final class DebugPage {
  private static final Pattern SECRET_HEADER =
      Pattern.compile("(?i)cookie|authorization|proxy-authorization|x-api-key|x-csrf-token");

  private DebugPage() {}

  static String render(
      Galvani galvani, Request request, int status, String reason, Throwable error) {
    StringBuilder page = new StringBuilder(8192);
    page.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(status)
        .append(' ')
        .append(Html.escape(reason))
        .append(" (DEBUG)</title><style>")
        .append(
            "body{font:14px system-ui,sans-serif;margin:0}header{background:#fd5;padding:1em 2em}")
        .append("section{padding:0 2em}table{border-collapse:collapse}td,th{border:1px solid #ddd;")
        .append("padding:2px 8px;text-align:left;vertical-align:top}pre{background:#f6f6f6;")
        .append("padding:1em;overflow:auto}</style></head><body>\n<header><h1>")
        .append(status)
        .append(' ')
        .append(Html.escape(reason))
        .append("</h1><p class=\"exception\"><b>")
        .append(Html.escape(error.getClass().getName()))
        .append("</b>: ")
        .append(Html.escape(error.getMessage()))
        .append("</p><p>")
        .append(Html.escape(request.method()))
        .append(' ')
        .append(Html.escape(request.fullPath()))
        .append("</p></header>\n");
    if (status == 404) {
      page.append("<section id=\"patterns\"><h2>URL patterns tried, in this order</h2><ol>");
      for (RouteInfo route : galvani.urls().routes()) {
        page.append("<li>/")
            .append(Html.escape(route.pattern()))
            .append(route.name().map(n -> " [name='" + Html.escape(n) + "']").orElse(""))
            .append("</li>");
      }
      page.append("</ol><p>The path ")
          .append(Html.escape(request.path()))
          .append(" matched none of these.</p></section>\n");
    }
    if (status >= 500) {
      StringWriter stack = new StringWriter();
      error.printStackTrace(new PrintWriter(stack));
      page.append("<section id=\"traceback\"><h2>Stack trace</h2><pre>")
          .append(Html.escape(stack))
          .append("</pre></section>\n");
    }
    page.append("<section id=\"request\"><h2>Request</h2><table>");
    row(page, "Method", request.method());
    row(page, "Path", request.rawPath());
    row(page, "Query", request.queryString());
    row(page, "Client", request.clientIp());
    for (String name : request.headers().names()) {
      row(
          page,
          name,
          SECRET_HEADER.matcher(name).matches()
              ? "********"
              : String.join(", ", request.headers().all(name)));
    }
    page.append("</table></section>\n<section id=\"settings\"><h2>Settings</h2><table>");
    for (Map.Entry<String, String> setting : galvani.settings().describe().entrySet()) {
      row(page, setting.getKey(), setting.getValue());
    }
    page.append("</table></section>\n<footer><section><p>You see this page because DEBUG is on.")
        .append(
            " With DEBUG off, visitors get a plain page.</p></section></footer></body></html>\n");
    return page.toString();
  }

  private static void row(StringBuilder page, String name, String value) {
    page.append("<tr><th>")
        .append(Html.escape(name))
        .append("</th><td>")
        .append(Html.escape(value))
        .append("</td></tr>");
  }
}
