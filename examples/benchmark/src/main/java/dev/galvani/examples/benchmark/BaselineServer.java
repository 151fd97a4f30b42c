package dev.galvani.examples.benchmark;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: plain jakarta servlets on the same embedded Jetty 12.1 ee11 setup as {@code
 * GalvaniServer} (same thread pool size, same HttpConfiguration), doing the same work per request
 * with nothing in between.
 */
public final class BaselineServer {
  /** One shared mapper, as a plain servlet app would keep it. */
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final String SERVER = "Baseline";
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  private final Server server;
  private final ServerConnector connector;

  /** A server on host:port (port 0 picks a free one), with Galvani's default pool of 200/8. */
  public BaselineServer(String host, int port) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("baseline");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new JsonServlet()), "/json");
    context.addServlet(new ServletHolder(new PlaintextServlet()), "/plaintext");
    server.setHandler(context);
  }

  public void start() throws Exception {
    server.start();
  }

  public void stop() throws Exception {
    server.stop();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public void stopOnShutdown() {
    server.setStopAtShutdown(true);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** {@code /json}: serializes a new map per request with the shared mapper. */
  static final class JsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      byte[] body = MAPPER.writeValueAsBytes(Map.of("message", "Hello, World!"));
      response.setHeader("Server", SERVER);
      response.setContentType("application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** {@code /plaintext}. */
  static final class PlaintextServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setHeader("Server", SERVER);
      response.setContentType("text/plain; charset=utf-8");
      response.setContentLength(HELLO.length);
      response.getOutputStream().write(HELLO);
    }
  }
}
