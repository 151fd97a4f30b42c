package dev.galvani.core;

import dev.galvani.core.http.Key;
import dev.galvani.core.messages.MessageMiddleware;
import dev.galvani.core.middleware.AccessLogMiddleware;
import dev.galvani.core.middleware.CommonMiddleware;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.security.ContentSecurityPolicyMiddleware;
import dev.galvani.core.security.CsrfMiddleware;
import dev.galvani.core.security.SecurityMiddleware;
import dev.galvani.core.security.XFrameOptionsMiddleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.staticfiles.StaticFilesMiddleware;
import dev.galvani.core.urls.Converter;
import dev.galvani.core.urls.Converters;
import dev.galvani.core.urls.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one settings class of a site. Subclass it and configure in the constructor; environment
 * variables override through {@link #env()}. Read once when the runtime is built; not thread-safe
 * while being configured.
 *
 * <pre>{@code
 * public final class SiteSettings extends Settings {
 *   public SiteSettings() {
 *     debug(env().bool("DEBUG", false));
 *     secretKey(env().secret("SECRET_KEY"));
 *     apps(new PollsApp());
 *     rootUrls(SiteUrls::patterns);
 *   }
 * }
 * }</pre>
 */
public class Settings {
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(SECRET|KEY|PASS|TOKEN|SIGNATURE|CREDENTIAL|PRIVATE).*");

  private final Env env;
  private boolean debug;
  private Secret secretKey = Secret.of("");
  private List<String> allowedHosts = List.of("localhost", "127.0.0.1", "[::1]");
  private List<App> apps = List.of();
  private Supplier<List<Route>> rootUrls = List::of;
  private List<Middleware> middleware = defaultMiddleware();
  private final Map<String, Converter> converters = Converters.defaults();
  private List<Path> templateDirs = List.of();
  private List<Path> staticDirs = List.of();
  private Path sourceResources = Path.of("src", "main", "resources");
  private String staticUrl = "/static/";
  private Path staticRoot = Path.of("staticfiles");
  private String host = "127.0.0.1";
  private int port = 8000;
  private int maxThreads = 200;
  private boolean virtualThreads;
  private long maxRequestBodyBytes = 2_621_440;
  private long maxMultipartBytes = 104_857_600;
  private int maxFormFields = 1000;
  private int maxHeaderBytes = 16 * 1024;
  private int maxJsonDepth = 64;
  private long uploadMemoryThreshold = 2_621_440;
  private Path uploadTempDir = Path.of(System.getProperty("java.io.tmpdir"), "galvani-uploads");
  private Duration shutdownTimeout = Duration.ofSeconds(30);
  private int instances = 1;
  private List<String> trustedProxies = List.of();
  private boolean appendSlash = true;
  private List<Secret> secretKeyFallbacks = List.of();
  private long hstsSeconds;
  private boolean hstsIncludeSubdomains;
  private boolean hstsPreload;
  private boolean sslRedirect;
  private String referrerPolicy = "same-origin";
  private String crossOriginOpenerPolicy = "same-origin";
  private String xFrameOptions = "DENY";
  private List<String> csrfTrustedOrigins = List.of();
  private boolean csrfCookieSecure;
  private String contentSecurityPolicy = "";
  private boolean cspReportOnly;
  private final Map<Key<?>, Object> extensions = new HashMap<>();

  /** Settings reading the process environment and {@code .env}. */
  public Settings() {
    this(Env.system());
  }

  /** Settings reading the given environment (tests). */
  public Settings(Env env) {
    this.env = env;
  }

  /**
   * The default middleware, outermost first: access log; security (ALLOWED_HOSTS, SSL redirect,
   * security headers); X-Frame-Options; Content-Security-Policy; static files (DEBUG, or collected
   * files in production); sessions (signed-cookie store by default); common (APPEND_SLASH); CSRF;
   * flash messages. The header middleware sit outside CSRF so its 403s carry the headers too. Later
   * modules (authentication) document where theirs go.
   */
  public static List<Middleware> defaultMiddleware() {
    return List.of(
        new AccessLogMiddleware(),
        new SecurityMiddleware(),
        new XFrameOptionsMiddleware(),
        new ContentSecurityPolicyMiddleware(),
        new StaticFilesMiddleware(),
        new SessionMiddleware(),
        new CommonMiddleware(),
        new CsrfMiddleware(),
        new MessageMiddleware());
  }

  public Env env() {
    return env;
  }

  // ---- setters, fluent ----

  public Settings debug(boolean debug) {
    this.debug = debug;
    return this;
  }

  public Settings secretKey(Secret secretKey) {
    this.secretKey = secretKey;
    return this;
  }

  public Settings allowedHosts(List<String> allowedHosts) {
    this.allowedHosts = List.copyOf(allowedHosts);
    return this;
  }

  public Settings apps(App... apps) {
    this.apps = List.of(apps);
    return this;
  }

  /** The root URL patterns, produced when the runtime is built. */
  public Settings rootUrls(Supplier<List<Route>> rootUrls) {
    this.rootUrls = rootUrls;
    return this;
  }

  /** The middleware list, outermost first. Start from {@link #defaultMiddleware()}. */
  public Settings middleware(List<Middleware> middleware) {
    this.middleware = List.copyOf(middleware);
    return this;
  }

  /** Registers a path converter usable as {@code <name:arg>}. */
  public Settings converter(String name, Converter converter) {
    converters.put(name, converter);
    return this;
  }

  /** Extra template folders on disk, searched before the classpath (Django's DIRS). */
  public Settings templateDirs(List<Path> dirs) {
    this.templateDirs = List.copyOf(dirs);
    return this;
  }

  /** Extra static folders on disk, searched before the classpath. */
  public Settings staticDirs(List<Path> dirs) {
    this.staticDirs = List.copyOf(dirs);
    return this;
  }

  /**
   * The project's resources folder; in DEBUG its {@code templates/} and {@code static/} are read
   * straight from disk, so edits show on reload. Default {@code src/main/resources}.
   */
  public Settings sourceResources(Path sourceResources) {
    this.sourceResources = sourceResources;
    return this;
  }

  public Settings staticUrl(String staticUrl) {
    this.staticUrl = staticUrl;
    return this;
  }

  /** Where {@code collectstatic} writes and production serves static files from. */
  public Settings staticRoot(Path staticRoot) {
    this.staticRoot = staticRoot;
    return this;
  }

  public Settings host(String host) {
    this.host = host;
    return this;
  }

  public Settings port(int port) {
    this.port = port;
    return this;
  }

  /** The size of the request thread pool (platform threads). */
  public Settings maxThreads(int maxThreads) {
    this.maxThreads = maxThreads;
    return this;
  }

  /** Run requests on virtual threads (Java 21+; ignored with a warning on 17). */
  public Settings virtualThreads(boolean virtualThreads) {
    this.virtualThreads = virtualThreads;
    return this;
  }

  /** The largest non-multipart body a view may read (413 beyond). Default 2.5 MiB. */
  public Settings maxRequestBodyBytes(long bytes) {
    this.maxRequestBodyBytes = bytes;
    return this;
  }

  /** The largest multipart upload (413 beyond). Default 100 MiB. */
  public Settings maxMultipartBytes(long bytes) {
    this.maxMultipartBytes = bytes;
    return this;
  }

  /** The most query/form fields or multipart parts (400 beyond). Default 1000. */
  public Settings maxFormFields(int count) {
    this.maxFormFields = count;
    return this;
  }

  /** The largest request line plus headers (431 beyond). Default 16 KiB. */
  public Settings maxHeaderBytes(int bytes) {
    this.maxHeaderBytes = bytes;
    return this;
  }

  /** The deepest JSON nesting accepted in request bodies. Default 64. */
  public Settings maxJsonDepth(int depth) {
    this.maxJsonDepth = depth;
    return this;
  }

  /** Uploads larger than this are streamed to {@link #uploadTempDir}. Default 2.5 MiB. */
  public Settings uploadMemoryThreshold(long bytes) {
    this.uploadMemoryThreshold = bytes;
    return this;
  }

  public Settings uploadTempDir(Path dir) {
    this.uploadTempDir = dir;
    return this;
  }

  /**
   * How many instances of the site serve it at once (behind a load balancer). Default 1. It changes
   * nothing at runtime; {@code check --deploy} uses it to warn about state that lives in one
   * process's memory, such as sessions in a {@code LocalMemoryCache}.
   */
  public Settings instances(int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be 1 or more, not " + instances);
    }
    this.instances = instances;
    return this;
  }

  /** How long in-flight requests may take to finish on shutdown. Default 30 s. */
  public Settings shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = timeout;
    return this;
  }

  /**
   * Peers whose X-Forwarded-For/-Proto/-Host headers are believed (exact IP addresses). Empty, the
   * default, ignores those headers entirely.
   */
  public Settings trustedProxies(List<String> proxies) {
    this.trustedProxies = List.copyOf(proxies);
    return this;
  }

  /** Redirect {@code /path} to {@code /path/} when only the latter exists. Default on. */
  public Settings appendSlash(boolean appendSlash) {
    this.appendSlash = appendSlash;
    return this;
  }

  /**
   * Old secret keys that still verify signatures (sessions, signed cookies, tokens) while the new
   * {@link #secretKey} signs: rotate by moving the old key here.
   */
  public Settings secretKeyFallbacks(List<Secret> fallbacks) {
    this.secretKeyFallbacks = List.copyOf(fallbacks);
    return this;
  }

  /**
   * Strict-Transport-Security for HTTPS responses: seconds (0, the default, sends none), whether to
   * include subdomains, whether to ask for preloading.
   */
  public Settings hsts(long seconds, boolean includeSubdomains, boolean preload) {
    this.hstsSeconds = seconds;
    this.hstsIncludeSubdomains = includeSubdomains;
    this.hstsPreload = preload;
    return this;
  }

  /** Redirect every plain-HTTP request to HTTPS (301, path and query kept). Default off. */
  public Settings sslRedirect(boolean sslRedirect) {
    this.sslRedirect = sslRedirect;
    return this;
  }

  /** The Referrer-Policy header; empty sends none. Default {@code same-origin}. */
  public Settings referrerPolicy(String policy) {
    this.referrerPolicy = policy;
    return this;
  }

  /** The Cross-Origin-Opener-Policy header; empty sends none. Default {@code same-origin}. */
  public Settings crossOriginOpenerPolicy(String policy) {
    this.crossOriginOpenerPolicy = policy;
    return this;
  }

  /** The X-Frame-Options header: {@code DENY} (default) or {@code SAMEORIGIN}. */
  public Settings xFrameOptions(String value) {
    this.xFrameOptions = value;
    return this;
  }

  /**
   * Origins whose unsafe requests pass the CSRF origin check besides the site's own, such as {@code
   * https://admin.example.com} or {@code https://*.example.com} for every subdomain.
   */
  public Settings csrfTrustedOrigins(List<String> origins) {
    this.csrfTrustedOrigins = List.copyOf(origins);
    return this;
  }

  /** Mark the CSRF cookie Secure (HTTPS only). Default off; check --deploy warns. */
  public Settings csrfCookieSecure(boolean secure) {
    this.csrfCookieSecure = secure;
    return this;
  }

  /**
   * The Content-Security-Policy; {@code {nonce}} in it becomes this request's {@code 'nonce-...'},
   * which templates use as {@code ${cspNonce}}. Empty (the default) sends none.
   */
  public Settings contentSecurityPolicy(String policy, boolean reportOnly) {
    this.contentSecurityPolicy = policy;
    this.cspReportOnly = reportOnly;
    return this;
  }

  /** A module's own setting under a typed key. */
  public <T> Settings set(Key<T> key, T value) {
    extensions.put(key, value);
    return this;
  }

  // ---- getters ----

  public boolean debug() {
    return debug;
  }

  public Secret secretKey() {
    return secretKey;
  }

  public List<String> allowedHosts() {
    return allowedHosts;
  }

  public List<App> apps() {
    return apps;
  }

  public Supplier<List<Route>> rootUrls() {
    return rootUrls;
  }

  public List<Middleware> middleware() {
    return middleware;
  }

  public Map<String, Converter> converters() {
    return new LinkedHashMap<>(converters);
  }

  public List<Path> templateDirs() {
    return templateDirs;
  }

  public List<Path> staticDirs() {
    return staticDirs;
  }

  public Path sourceResources() {
    return sourceResources;
  }

  public String staticUrl() {
    return staticUrl;
  }

  public Path staticRoot() {
    return staticRoot;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public int maxThreads() {
    return maxThreads;
  }

  public boolean virtualThreads() {
    return virtualThreads;
  }

  public long maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  public long maxMultipartBytes() {
    return maxMultipartBytes;
  }

  public int maxFormFields() {
    return maxFormFields;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public int maxJsonDepth() {
    return maxJsonDepth;
  }

  public long uploadMemoryThreshold() {
    return uploadMemoryThreshold;
  }

  public Path uploadTempDir() {
    return uploadTempDir;
  }

  public int instances() {
    return instances;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public List<String> trustedProxies() {
    return trustedProxies;
  }

  public boolean appendSlash() {
    return appendSlash;
  }

  public List<Secret> secretKeyFallbacks() {
    return secretKeyFallbacks;
  }

  public long hstsSeconds() {
    return hstsSeconds;
  }

  public boolean hstsIncludeSubdomains() {
    return hstsIncludeSubdomains;
  }

  public boolean hstsPreload() {
    return hstsPreload;
  }

  public boolean sslRedirect() {
    return sslRedirect;
  }

  public String referrerPolicy() {
    return referrerPolicy;
  }

  public String crossOriginOpenerPolicy() {
    return crossOriginOpenerPolicy;
  }

  public String xFrameOptions() {
    return xFrameOptions;
  }

  public List<String> csrfTrustedOrigins() {
    return csrfTrustedOrigins;
  }

  public boolean csrfCookieSecure() {
    return csrfCookieSecure;
  }

  public String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  public boolean cspReportOnly() {
    return cspReportOnly;
  }

  public <T> Optional<T> get(Key<T> key) {
    return Optional.ofNullable(key.cast(extensions.get(key)));
  }

  /**
   * The settings as name/value text for the DEBUG page and {@code check}: any name that looks
   * secret (SECRET, KEY, PASS, TOKEN, ...) is masked.
   */
  public Map<String, String> describe() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("DEBUG", debug);
    raw.put("SECRET_KEY", secretKey);
    raw.put("ALLOWED_HOSTS", allowedHosts);
    raw.put("APPS", apps.stream().map(App::name).toList());
    raw.put("MIDDLEWARE", middleware.stream().map(m -> m.getClass().getSimpleName()).toList());
    raw.put("STATIC_URL", staticUrl);
    raw.put("STATIC_ROOT", staticRoot);
    raw.put("HOST", host);
    raw.put("PORT", port);
    raw.put("MAX_THREADS", maxThreads);
    raw.put("VIRTUAL_THREADS", virtualThreads);
    raw.put("MAX_REQUEST_BODY_BYTES", maxRequestBodyBytes);
    raw.put("MAX_MULTIPART_BYTES", maxMultipartBytes);
    raw.put("MAX_FORM_FIELDS", maxFormFields);
    raw.put("MAX_HEADER_BYTES", maxHeaderBytes);
    raw.put("TRUSTED_PROXIES", trustedProxies);
    raw.put("APPEND_SLASH", appendSlash);
    raw.put("SECRET_KEY_FALLBACKS", secretKeyFallbacks);
    raw.put("SECURE_HSTS_SECONDS", hstsSeconds);
    raw.put("SECURE_SSL_REDIRECT", sslRedirect);
    raw.put("X_FRAME_OPTIONS", xFrameOptions);
    raw.put("CSRF_TRUSTED_ORIGINS", csrfTrustedOrigins);
    raw.put("CSRF_COOKIE_SECURE", csrfCookieSecure);
    raw.put("CONTENT_SECURITY_POLICY", contentSecurityPolicy);
    extensions.forEach((key, value) -> raw.put(key.name(), value));
    Map<String, String> shown = new LinkedHashMap<>();
    raw.forEach((name, value) -> shown.put(name, mask(name, value)));
    return shown;
  }

  private static String mask(String name, Object value) {
    return SECRET_NAME.matcher(name).matches() || value instanceof Secret
        ? "********"
        : String.valueOf(value);
  }
}
