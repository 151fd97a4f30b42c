package dev.galvani.examples.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.http.Response;
import dev.galvani.orm.Database;
import dev.galvani.orm.Orm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.thymeleaf.TemplateEngine;

/**
 * The database tests without a socket, one thread: {@code Galvani.handle} for GET /db and GET
 * /fortunes (the default middleware, the ORM's request session, the QuerySet, the template) against
 * the baseline servlets' work (a pooled JDBC prepared statement, Jackson, a plain Thymeleaf engine)
 * on the same database in the same run. The database round trip is in both, so the difference is
 * what the framework adds per request. {@code ormGet} and {@code jdbcGet} split out the ORM's part
 * of /db: a session, a {@code get} by id and the close, against the bare JDBC read.
 *
 * <pre>
 * DATABASE_URL=postgres://... java -cp benchmark.jar org.openjdk.jmh.Main DatabaseRequest
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DatabaseRequestBenchmark {
  private Galvani galvani;
  private HikariDataSource pool;
  private TemplateEngine engine;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    galvani = new Galvani(new BenchmarkSettings());
    pool = BaselineServer.pool(BenchmarkDatabase.fromEnv(Env.system()));
    try (Connection connection = pool.getConnection()) {
      BenchmarkData.ensure(connection);
    }
    engine = BaselineDatabaseServlets.templateEngine();
    for (String path : new String[] {"/db", "/fortunes"}) {
      Response check = galvani.handle(HandlerChainBenchmark.raw(path));
      if (check.status() != 200) {
        throw new IllegalStateException(
            "GET "
                + path
                + " gave "
                + check.status()
                + " "
                + new String(check.bodyBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.close();
    galvani.close();
  }

  @Benchmark
  public byte[] galvaniDb() {
    return galvani.handle(HandlerChainBenchmark.raw("/db")).bodyBytes();
  }

  @Benchmark
  public byte[] baselineDb() throws IOException {
    return BaselineServer.MAPPER.writeValueAsBytes(BaselineDatabaseServlets.oneWorld(pool));
  }

  /** The ORM's part of /db alone: a session, {@code get} by id, the session closed. */
  @Benchmark
  public World ormGet() {
    Database db = Orm.database(galvani);
    return db.session(() -> db.objects(World.class).get("id", BaselineDatabaseServlets.randomId()));
  }

  /** The same row through the baseline's JDBC, without the JSON. */
  @Benchmark
  public BaselineDatabaseServlets.WorldRow jdbcGet() throws IOException {
    return BaselineDatabaseServlets.oneWorld(pool);
  }

  @Benchmark
  public byte[] galvaniFortunes() {
    return galvani.handle(HandlerChainBenchmark.raw("/fortunes")).bodyBytes();
  }

  @Benchmark
  public byte[] baselineFortunes() throws IOException {
    return BaselineDatabaseServlets.fortunesPage(pool, engine);
  }
}
