package dev.galvani.examples.benchmark;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The baseline's database tests: plain servlets, a HikariCP pool, JDBC prepared statements and a
 * plain Thymeleaf {@link TemplateEngine} rendering the same template file as the Galvani site
 * ({@code templates/bench/fortunes.html}). Thread-safe: the servlets share only the pool and the
 * engine.
 */
final class BaselineDatabaseServlets {
  private static final String SELECT_WORLD = "select id, randomnumber from world where id = ?";
  private static final String UPDATE_WORLD = "update world set randomnumber = ? where id = ?";
  private static final String SELECT_FORTUNES = "select id, message from fortune";

  private BaselineDatabaseServlets() {}

  /**
   * Adds {@code /db}, {@code /queries}, {@code /updates}, {@code /fortunes} and {@code
   * /cached-queries} to the context.
   */
  static void install(ServletContextHandler context, DataSource pool) {
    TemplateEngine engine = templateEngine();
    Cache<Integer, WorldRow> worlds = Caffeine.newBuilder().maximumSize(20_000).build();
    add(
        context,
        "/cached-queries",
        (request, response) -> cachedQueries(pool, worlds, request, response));
    add(context, "/db", (request, response) -> writeJson(response, oneWorld(pool)));
    add(context, "/queries", (request, response) -> queries(pool, request, response));
    add(context, "/updates", (request, response) -> updates(pool, request, response));
    add(context, "/fortunes", (request, response) -> fortunes(pool, engine, response));
  }

  private static void add(ServletContextHandler context, String path, Get get) {
    context.addServlet(new ServletHolder(new GetServlet(get)), path);
  }

  /** What a plain Thymeleaf setup looks like: classpath templates, HTML mode, cached. */
  static TemplateEngine templateEngine() {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(BaselineDatabaseServlets.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** A World row as JSON: {@code {"id":..,"randomNumber":..}}. */
  record WorldRow(int id, int randomNumber) {}

  /** A fortune for the template, a JavaBean like the Galvani entity. */
  public static final class FortuneRow {
    private final int id;
    private final String message;

    FortuneRow(int id, String message) {
      this.id = id;
      this.message = message;
    }

    public int getId() {
      return id;
    }

    public String getMessage() {
      return message;
    }
  }

  static int randomId() {
    return ThreadLocalRandom.current().nextInt(1, BenchmarkData.WORLD_ROWS + 1);
  }

  /** {@code ?queries=N} clamped to 1..500; missing or not a number counts as 1. */
  static int queryCount(HttpServletRequest request) {
    return clamped(request.getParameter("queries"));
  }

  private static int clamped(String raw) {
    if (raw == null) {
      return 1;
    }
    try {
      return Math.max(1, Math.min(500, Integer.parseInt(raw)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static WorldRow readWorld(PreparedStatement select, int id) throws SQLException {
    select.setInt(1, id);
    try (ResultSet row = select.executeQuery()) {
      row.next();
      return new WorldRow(row.getInt(1), row.getInt(2));
    }
  }

  /** The work of {@code /db}: one random row on a pooled connection. */
  static WorldRow oneWorld(DataSource pool) throws IOException {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT_WORLD)) {
      return readWorld(select, randomId());
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  /** The work of {@code /fortunes}: all rows, one added, sorted by message, rendered. */
  static byte[] fortunesPage(DataSource pool, TemplateEngine engine) throws IOException {
    List<FortuneRow> fortunes = new ArrayList<>(16);
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT_FORTUNES);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        fortunes.add(new FortuneRow(rows.getInt(1), rows.getString(2)));
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
    fortunes.add(new FortuneRow(0, BenchmarkData.ADDED_FORTUNE));
    fortunes.sort(Comparator.comparing(FortuneRow::getMessage));
    Context context = new Context();
    context.setVariable("fortunes", fortunes);
    return engine.process("bench/fortunes.html", context).getBytes(StandardCharsets.UTF_8);
  }

  static void writeJson(HttpServletResponse response, Object value) throws IOException {
    byte[] body = BaselineServer.MAPPER.writeValueAsBytes(value);
    response.setHeader("Server", BaselineServer.SERVER);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * {@code /cached-queries?count=N}: N random rows from a plain Caffeine cache of row objects, each
   * loaded once from the database.
   */
  static void cachedQueries(
      DataSource pool,
      Cache<Integer, WorldRow> cache,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    int count = clamped(request.getParameter("count"));
    List<WorldRow> worlds = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      worlds.add(cache.get(randomId(), id -> loadWorld(pool, id)));
    }
    writeJson(response, worlds);
  }

  private static WorldRow loadWorld(DataSource pool, int id) {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT_WORLD)) {
      return readWorld(select, id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code /queries?queries=N}: one connection, one prepared statement run N times. */
  static void queries(DataSource pool, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int count = queryCount(request);
    List<WorldRow> worlds = new ArrayList<>(count);
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT_WORLD)) {
      for (int i = 0; i < count; i++) {
        worlds.add(readWorld(select, randomId()));
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
    writeJson(response, worlds);
  }

  /**
   * {@code /updates?queries=N}: in one transaction, N selects, then one JDBC batch of updates in id
   * order (so concurrent requests cannot deadlock on each other's rows).
   */
  static void updates(DataSource pool, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int count = queryCount(request);
    List<WorldRow> worlds = new ArrayList<>(count);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(SELECT_WORLD);
          PreparedStatement update = connection.prepareStatement(UPDATE_WORLD)) {
        for (int i = 0; i < count; i++) {
          WorldRow read = readWorld(select, randomId());
          int next;
          do {
            next = randomId();
          } while (next == read.randomNumber());
          worlds.add(new WorldRow(read.id(), next));
        }
        List<WorldRow> ordered = new ArrayList<>(worlds);
        ordered.sort(Comparator.comparingInt(WorldRow::id));
        for (WorldRow world : ordered) {
          update.setInt(1, world.randomNumber());
          update.setInt(2, world.id());
          update.addBatch();
        }
        update.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
    writeJson(response, worlds);
  }

  /** {@code /fortunes}: all rows, one added, sorted by message, rendered by Thymeleaf. */
  static void fortunes(DataSource pool, TemplateEngine engine, HttpServletResponse response)
      throws IOException {
    byte[] body = fortunesPage(pool, engine);
    response.setHeader("Server", BaselineServer.SERVER);
    response.setContentType("text/html; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** What one of the servlets does with a GET. */
  @FunctionalInterface
  interface Get {
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
  }

  /** A servlet that answers GET with {@code get}; the pool and engine live in the lambda. */
  static final class GetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Get get;

    GetServlet(Get get) {
      this.get = get;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      get.handle(request, response);
    }
  }
}
