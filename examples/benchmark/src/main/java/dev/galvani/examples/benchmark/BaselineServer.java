package dev.galvani.examples.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.galvani.core.Env;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
 * with nothing in between. The database tests use a HikariCP pool of the same size as the Galvani
 * site's, on the same {@code DATABASE_URL} (see {@link BenchmarkDatabase}).
 */
public final class BaselineServer {
  /** One shared mapper, as a plain servlet app would keep it. */
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  static final String SERVER = "Baseline";
  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  private final Server server;
  private final ServerConnector connector;
  private final HikariDataSource pool;

  /** A server on host:port with the database of the process environment. */
  public BaselineServer(String host, int port) {
    this(host, port, BenchmarkDatabase.fromEnv(Env.system()));
  }

  /**
   * A server on host:port (port 0 picks a free one), with Galvani's default thread pool of 200/8
   * and a connection pool to {@code database} (opened lazily, as the Galvani site's is).
   */
  public BaselineServer(String host, int port, BenchmarkDatabase database) {
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
    pool = pool(database);
    BaselineDatabaseServlets.install(context, pool);
    server.setHandler(context);
  }

  /** The baseline's pool: HikariCP defaults, the given size, opened lazily. */
  static HikariDataSource pool(BenchmarkDatabase database) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("baseline");
    config.setJdbcUrl(database.url().jdbcUrl());
    if (!database.url().user().isEmpty()) {
      config.setUsername(database.url().user());
      config.setPassword(database.url().password());
    }
    config.setMaximumPoolSize(database.poolSize());
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  /** Creates and fills the benchmark tables if needed, then starts serving. */
  public void start() throws Exception {
    try (Connection connection = pool.getConnection()) {
      BenchmarkData.ensure(connection);
    } catch (SQLException e) {
      pool.close();
      throw e;
    }
    server.start();
  }

  public void stop() throws Exception {
    try {
      server.stop();
    } finally {
      pool.close();
    }
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
