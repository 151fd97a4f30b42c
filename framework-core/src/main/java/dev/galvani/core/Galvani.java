package dev.galvani.core;

import dev.galvani.core.checks.CheckMessage;
import dev.galvani.core.checks.Checks;
import dev.galvani.core.commands.Command;
import dev.galvani.core.commands.CommandContext;
import dev.galvani.core.commands.Commands;
import dev.galvani.core.http.AllowedHosts;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Key;
import dev.galvani.core.http.MethodNotAllowed;
import dev.galvani.core.http.NotFound;
import dev.galvani.core.http.RawRequest;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.json.Json;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.security.Signer;
import dev.galvani.core.staticfiles.StaticFiles;
import dev.galvani.core.templates.Templates;
import dev.galvani.core.urls.UrlResolver;
import dev.galvani.core.views.ErrorPages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of one site, built from its settings: URL resolver, handler chain, templates, static
 * files, checks and commands. There is no global instance; pass it on. Thread-safe once built.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Galvani.run(new SiteSettings(), args);
 * }
 * }</pre>
 */
public final class Galvani implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Galvani.class);

  private final Settings settings;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final UrlResolver urls;
  private final Json json;
  private final Templates templates;
  private final StaticFiles staticFiles;
  private final ErrorPages errorPages;
  private final Handler chain;
  private final Map<Key<?>, Object> services = new ConcurrentHashMap<>();
  private final Map<String, Signer> signers = new ConcurrentHashMap<>();
  private final AllowedHosts allowedHosts;

  /**
   * Builds the runtime and runs the startup checks. Warnings are left to the {@code check} command
   * and to the servers, which print them when they start.
   *
   * @throws ImproperlyConfigured when a check reports an error, listing every error with its id
   */
  public Galvani(Settings settings) {
    this.settings = settings;
    this.urls = new UrlResolver(settings.rootUrls().get(), settings.converters());
    this.allowedHosts = new AllowedHosts(settings.allowedHosts());
    this.json = new Json(settings.maxJsonDepth());
    this.templates = new Templates(this);
    this.staticFiles = new StaticFiles(settings);
    this.errorPages = new ErrorPages(this);
    this.chain = buildChain(settings.middleware());
    try {
      for (App app : settings.apps()) {
        app.ready(this);
      }
    } catch (RuntimeException e) {
      close(); // what the earlier apps opened
      throw e;
    }
    List<CheckMessage> errors =
        Checks.run(this, false).stream().filter(CheckMessage::isError).toList();
    if (!errors.isEmpty()) {
      close();
      throw new ImproperlyConfigured(
          "The site is misconfigured:\n"
              + errors.stream().map(CheckMessage::format).collect(Collectors.joining("\n")));
    }
  }

  /**
   * Runs a management command from {@code args} ({@code runserver}, {@code serve}, {@code check},
   * {@code urls}, {@code collectstatic}, {@code help}, or an app's) and exits with its status.
   */
  public static void run(Settings settings, String... args) {
    System.exit(execute(settings, List.of(args), System.out, System.err));
  }

  /**
   * Like {@link #run(Settings, String...)}, but builds the settings inside, so a malformed
   * environment value ({@code DEBUG=maybe}) ends with its message and exit status 1, not a stack
   * trace: {@code Galvani.run(SiteSettings::new, args)}.
   */
  public static void run(Supplier<? extends Settings> settings, String... args) {
    Settings built;
    try {
      built = settings.get();
    } catch (ImproperlyConfigured e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    run(built, args);
  }

  /** Runs a management command and returns its exit status: 0 ok, 1 failed, 2 usage error. */
  public static int execute(
      Settings settings, List<String> args, PrintStream out, PrintStream err) {
    List<Command> available = Commands.available(settings);
    String name = args.isEmpty() ? "help" : args.get(0);
    Optional<Command> command = available.stream().filter(c -> c.name().equals(name)).findFirst();
    if (command.isEmpty()) {
      err.println("Unknown command '" + name + "'.");
      Commands.printList(available, err);
      return 2;
    }
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    Galvani galvani;
    try {
      command.get().prepare(settings, rest);
      galvani = new Galvani(settings);
    } catch (ImproperlyConfigured e) {
      err.println(e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    }
    try (galvani) {
      return command.get().run(new CommandContext(galvani, rest, available, out, err));
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      LOG.error("Command {} failed", name, e);
      err.println(name + " failed: " + e);
      return 1;
    }
  }

  /**
   * Handles one request through the middleware chain and the URL resolver. Never throws: every
   * error becomes an error response. The front-controller servlet and the TestClient both call
   * this.
   */
  public Response handle(RawRequest raw) {
    return handle(raw, request -> {});
  }

  /**
   * Handles a request after letting {@code prepare} set attributes on it first (the TestClient uses
   * this to skip CSRF checks, as Django's test client does).
   */
  public Response handle(RawRequest raw, java.util.function.Consumer<Request> prepare) {
    Request request = new Request(this, raw);
    try {
      prepare.accept(request);
      if (request.invalidPath().isEmpty()) {
        try {
          urls.resolve(request.method(), request.path()).ifPresent(request::match);
        } catch (MethodNotAllowed e) {
          // answered by the router at the end of the chain, so middleware still runs
        }
      }
      Response response = chain.handle(request);
      request.finish(response);
      if (request.method().equals("HEAD")) {
        response.dropBody();
      }
      return response;
    } catch (Exception e) {
      return errorPages.render(request, e); // unreachable: the chain converts every error
    } finally {
      request.close();
    }
  }

  private Handler buildChain(List<Middleware> middleware) {
    Handler router =
        request -> {
          if (request.invalidPath().isPresent()) {
            throw request.invalidPath().get();
          }
          Optional<dev.galvani.core.urls.ResolverMatch> match = request.match();
          if (match.isPresent()) {
            return match.get().view().handle(request);
          }
          urls.resolve(request.method(), request.path()); // throws 405 when only the method is off
          throw new NotFound("No page matches " + request.path());
        };
    List<Middleware> viewLayers = new ArrayList<>();
    settings.apps().forEach(app -> viewLayers.addAll(app.viewMiddleware()));
    java.util.Collections.reverse(viewLayers);
    Handler view = router;
    for (Middleware layer : viewLayers) {
      view = layer.wrap(view);
    }
    Handler handler = errorBoundary(view);
    List<Middleware> reversed = new ArrayList<>(middleware);
    java.util.Collections.reverse(reversed);
    for (Middleware layer : reversed) {
      handler = errorBoundary(layer.wrap(handler));
    }
    return handler;
  }

  /** Turns exceptions into error responses at every layer, so outer middleware sees a response. */
  private Handler errorBoundary(Handler inner) {
    return request -> {
      try {
        Response response = inner.handle(request);
        if (response == null) {
          throw new IllegalStateException(
              "The view for " + request.path() + " returned null instead of a Response");
        }
        return response;
      } catch (Exception | StackOverflowError e) {
        return errorPages.render(request, e);
      }
    };
  }

  /** Runs the checks: startup checks, plus deployment checks when {@code deploy} is true. */
  public List<CheckMessage> check(boolean deploy) {
    return Checks.run(this, deploy);
  }

  public Settings settings() {
    return settings;
  }

  /** The Host validation of this site ({@code Settings.allowedHosts}). */
  public AllowedHosts allowedHosts() {
    return allowedHosts;
  }

  public UrlResolver urls() {
    return urls;
  }

  /** Shorthand for {@code urls().reverse(name, args)}. */
  public String reverse(String name, Object... args) {
    return urls.reverse(name, args);
  }

  public Templates templates() {
    return templates;
  }

  public StaticFiles staticFiles() {
    return staticFiles;
  }

  public Json json() {
    return json;
  }

  /** A signer keyed by SECRET_KEY and this salt; signers for different salts never agree. */
  public Signer signer(String salt) {
    return signers.computeIfAbsent(
        salt,
        s ->
            new Signer(
                settings.secretKey().reveal(),
                settings.secretKeyFallbacks().stream().map(Secret::reveal).toList(),
                s,
                java.time.Clock.systemUTC()));
  }

  /** The signer for a signed cookie of this name. */
  public Signer cookieSigner(String cookieName) {
    return signer("galvani.cookie." + cookieName);
  }

  /** Publishes a service for other modules (a cache, a session store) under a typed key. */
  public <T> void publish(Key<T> key, T service) {
    services.put(key, service);
  }

  public <T> Optional<T> service(Key<T> key) {
    return Optional.ofNullable(key.cast(services.get(key)));
  }

  /**
   * Registers a resource an app opened (a connection pool, a cache client) to be closed with the
   * runtime, in reverse order of registration.
   */
  public void onClose(AutoCloseable resource) {
    synchronized (closeables) {
      closeables.add(0, resource);
    }
  }

  /**
   * Closes what the apps opened. Idempotent; the servers call it when they stop, and commands when
   * they end.
   */
  @Override
  public void close() {
    List<AutoCloseable> resources;
    synchronized (closeables) {
      resources = new ArrayList<>(closeables);
      closeables.clear();
    }
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed", resource, e);
      }
    }
  }
}
