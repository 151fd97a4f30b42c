package dev.galvani.core.server;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12 (ee11) running one front-controller servlet. Requests run on a bounded
 * platform-thread pool, or on virtual threads when enabled on Java 21+. Stopping is graceful: the
 * connector closes at once (new connections are refused) and in-flight requests get {@code
 * Settings.shutdownTimeout} to finish.
 *
 * <pre>{@code
 * GalvaniServer server = new GalvaniServer(new Galvani(settings));
 * server.start();
 * System.out.println(server.url("/polls/"));
 * }</pre>
 */
public final class GalvaniServer {
  private final Server server;
  private final ServerConnector connector;

  public GalvaniServer(Galvani galvani) {
    Settings settings = galvani.settings();
    QueuedThreadPool threads =
        new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
    threads.setName("galvani");
    if (settings.virtualThreads() && VirtualThreads.areSupported()) {
      threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("galvani"));
    }
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(settings.maxHeaderBytes());
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new FrontControllerServlet(galvani)), "/");
    ErrorHandler quietErrors = new ErrorHandler();
    quietErrors.setShowStacks(false);
    quietErrors.setShowMessageInTitle(false);
    server.setErrorHandler(quietErrors);

    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(context);
    server.setHandler(graceful);
    server.setStopTimeout(settings.shutdownTimeout().toMillis());
    server.addEventListener(
        new org.eclipse.jetty.util.component.LifeCycle.Listener() {
          @Override
          public void lifeCycleStopped(org.eclipse.jetty.util.component.LifeCycle event) {
            galvani.close();
          }
        });
  }

  public void start() throws Exception {
    server.start();
  }

  /** Stops gracefully, as on SIGTERM. */
  public void stop() throws Exception {
    server.stop();
  }

  /** Registers a JVM shutdown hook so SIGTERM stops the server gracefully. */
  public void stopOnShutdown() {
    server.setStopAtShutdown(true);
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** The bound port (useful when port 0 asked for a free one). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port} plus the path. */
  public String url(String path) {
    String host =
        connector.getHost() == null || connector.getHost().equals("0.0.0.0")
            ? "127.0.0.1"
            : connector.getHost();
    return "http://" + host + ":" + port() + path;
  }
}
