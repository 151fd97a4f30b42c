package dev.galvani.core.test;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.server.GalvaniServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the site on a free loopback port for the tests of a class, for real HTTP clients and
 * browsers, and stops it afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LiveServerExtension server = new LiveServerExtension(PollsSettings::new);
 *
 * @Test
 * void index_overHttp_returnsThePage() throws Exception {
 *   HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.uri("/polls/")).build(),
 *       HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 */
public final class LiveServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<? extends Settings> settings;
  private GalvaniServer server;
  private Galvani galvani;

  public LiveServerExtension(Supplier<? extends Settings> settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Settings configured = settings.get().host("127.0.0.1").port(0);
    galvani = new Galvani(configured);
    server = new GalvaniServer(galvani);
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /** {@code http://127.0.0.1:PORT} plus the path. */
  public String url(String path) {
    return server.url(path);
  }

  public java.net.URI uri(String path) {
    return java.net.URI.create(url(path));
  }

  public int port() {
    return server.port();
  }

  public Galvani galvani() {
    return galvani;
  }

  /** The running server, e.g. to stop it in a shutdown test. */
  public GalvaniServer server() {
    return server;
  }
}
