package dev.galvani.examples.benchmark;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Headers;
import dev.galvani.core.http.RawRequest;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-request framework overhead without a socket: {@code Galvani.handle} for GET /json and GET
 * /plaintext (request wrapping, URL resolution, the default middleware, the view) against the bare
 * work the view does (serializing the map, encoding the text) in the same run.
 *
 * <pre>
 * java -cp benchmark.jar org.openjdk.jmh.Main HandlerChain
 * </pre>
 *
 * The RawRequest (with its Headers) is built inside each invocation, as the front-controller
 * servlet builds one per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandlerChainBenchmark {
  private static final byte[] EMPTY = new byte[0];
  private Galvani galvani;

  @Setup(Level.Trial)
  public void setUp() {
    galvani = new Galvani(new BenchmarkSettings());
    Response check = galvani.handle(raw("/json"));
    String body = new String(check.bodyBytes(), StandardCharsets.UTF_8);
    if (check.status() != 200 || !body.equals(Verifier.JSON_BODY)) {
      throw new IllegalStateException("GET /json gave " + check.status() + " " + body);
    }
  }

  /** The request as the front controller (or TestClient) hands it over. */
  static RawRequest raw(String path) {
    Headers headers = new Headers();
    headers.add("Host", "127.0.0.1:8080");
    return new RawRequest(
        "GET",
        path,
        "",
        headers,
        new ByteArrayInputStream(EMPTY),
        -1,
        "127.0.0.1",
        "http",
        "127.0.0.1",
        8080);
  }

  @Benchmark
  public Response galvaniJson() {
    return galvani.handle(raw("/json"));
  }

  /** The same serialization the JSON view does, without the framework. */
  @Benchmark
  public byte[] baselineJson() {
    return Json.standard().write(Map.of("message", "Hello, World!"));
  }

  @Benchmark
  public Response galvaniPlaintext() {
    return galvani.handle(raw("/plaintext"));
  }

  /** The same encoding the plaintext view does, without the framework. */
  @Benchmark
  public byte[] baselinePlaintext() {
    return "Hello, World!".getBytes(StandardCharsets.UTF_8);
  }
}
