package dev.galvani.core.http;

import dev.galvani.core.Galvani;
import dev.galvani.core.Settings;
import dev.galvani.core.urls.ResolverMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.slf4j.LoggerFactory;

/**
 * An HTTP request as a view sees it. The body, form and JSON are read lazily, once, within the
 * limits from settings. One request belongs to one thread: not thread-safe.
 */
public final class Request implements AutoCloseable {
  /**
   * Set to true by an authentication module once it has looked up a logged-in user for this
   * request, so the response may be built for that user: the page cache does not store such
   * responses unless told to.
   */
  public static final Key<Boolean> AUTHENTICATED = Key.of("galvani.authenticated", Boolean.class);

  /**
   * The language the response is being made in, set by locale middleware; the page cache keeps one
   * copy per language.
   */
  public static final Key<String> LANGUAGE = Key.of("galvani.language", String.class);

  private final Galvani galvani;
  private final RawRequest raw;
  private final String path;
  private final BadRequest invalidPath;
  private String validatedHost;
  // a handful of typed attributes per request: parallel arrays scanned by identity
  private Key<?>[] attributeKeys = new Key<?>[8];
  private Object[] attributeValues = new Object[8];
  private int attributeCount;
  private ResolverMatch match;
  private Params query;
  private Params form;
  private Map<String, List<UploadedFile>> files;
  private MultiPartFormData.Parts multipartParts;
  private byte[] body;
  private Map<String, String> cookies;
  private List<Consumer<Response>> responseCallbacks;

  /**
   * Builds a request. A malformed path (encoded slashes, dot segments, NUL, invalid UTF-8) is kept
   * as {@link #invalidPath()}: {@link #path()} is then {@code /} and the router answers 400, so the
   * response still passes through the middleware.
   */
  public Request(Galvani galvani, RawRequest raw) {
    this.galvani = galvani;
    this.raw = raw;
    String decoded;
    BadRequest problem = null;
    try {
      decoded = PathDecoder.decodePath(raw.rawPath());
    } catch (BadRequest e) {
      decoded = "/";
      problem = e;
    }
    this.path = decoded;
    this.invalidPath = problem;
  }

  /** Why the path was refused, when it was malformed. */
  public Optional<BadRequest> invalidPath() {
    return Optional.ofNullable(invalidPath);
  }

  /** The runtime serving this request: settings, URL resolver, templates. */
  public Galvani galvani() {
    return galvani;
  }

  /** The method in upper case: GET, POST, ... */
  public String method() {
    return raw.method();
  }

  /** The decoded path, always starting with '/'. */
  public String path() {
    return path;
  }

  /** The path as sent, still percent-encoded. */
  public String rawPath() {
    return raw.rawPath();
  }

  /** The raw query string without '?', empty when absent. */
  public String queryString() {
    return raw.queryString() == null ? "" : raw.queryString();
  }

  /** The path and query as sent, for redirects back to the same place. */
  public String fullPath() {
    return queryString().isEmpty() ? rawPath() : rawPath() + "?" + queryString();
  }

  public Headers headers() {
    return raw.headers();
  }

  public Optional<String> header(String name) {
    return raw.headers().first(name);
  }

  /** The URL parameters after '?'. */
  public Params query() {
    if (query == null) {
      query = FormParser.parse(queryString(), settings().maxFormFields());
    }
    return query;
  }

  /**
   * Form fields of the body when it is {@code application/x-www-form-urlencoded} or {@code
   * multipart/form-data}, whatever the method; empty for other content types.
   */
  public Params form() {
    if (form == null) {
      readForm();
    }
    return form;
  }

  /** Files uploaded in a multipart form, by field name. */
  public Map<String, List<UploadedFile>> files() {
    if (form == null) {
      readForm();
    }
    return files;
  }

  /** The whole body, at most {@code Settings.maxRequestBodyBytes} long (413 beyond that). */
  public byte[] body() {
    if (body == null) {
      long limit = settings().maxRequestBodyBytes();
      if (raw.contentLength() > limit) {
        throw tooLarge(limit);
      }
      try (InputStream in = raw.body()) {
        byte[] bytes = in == null ? new byte[0] : in.readNBytes((int) Math.min(limit + 1, MAX));
        if (bytes.length > limit) {
          throw tooLarge(limit);
        }
        body = bytes;
      } catch (IOException e) {
        throw new BadRequest("The request body could not be read: the client went away", e);
      }
    }
    return body;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** The JSON body bound to a type; malformed or too deep JSON is a 400 that says why. */
  public <T> T json(Class<T> type) {
    return galvani.json().read(body(), type);
  }

  /** The content type without parameters, lower case; empty when absent. */
  public String contentType() {
    String value = header("Content-Type").orElse("");
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The cookies the client sent. */
  public Map<String, String> cookies() {
    if (cookies == null) {
      Map<String, String> parsed = new LinkedHashMap<>();
      for (String headerValue : headers().all("Cookie")) {
        for (String pair : headerValue.split(";")) {
          int equals = pair.indexOf('=');
          if (equals > 0) {
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
              value = value.substring(1, value.length() - 1);
            }
            parsed.putIfAbsent(name, value);
          }
        }
      }
      cookies = Collections.unmodifiableMap(parsed);
    }
    return cookies;
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies().get(name));
  }

  /** A cookie set with {@link Response#signedCookie}, if its signature is valid. */
  public Optional<String> signedCookie(String name) {
    return cookie(name).flatMap(value -> galvani.cookieSigner(name).unsign(value));
  }

  /** A signed cookie no older than {@code maxAge}. */
  public Optional<String> signedCookie(String name, Duration maxAge) {
    return cookie(name).flatMap(value -> galvani.cookieSigner(name).unsign(value, maxAge));
  }

  /** The typed attribute stored under the key. */
  public <T> Optional<T> get(Key<T> key) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeKeys[i] == key) {
        return Optional.ofNullable(key.cast(attributeValues[i]));
      }
    }
    return Optional.empty();
  }

  public <T> void set(Key<T> key, T value) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeKeys[i] == key) {
        attributeValues[i] = value;
        return;
      }
    }
    if (attributeCount == attributeKeys.length) {
      attributeKeys = java.util.Arrays.copyOf(attributeKeys, attributeCount * 2);
      attributeValues = java.util.Arrays.copyOf(attributeValues, attributeCount * 2);
    }
    attributeKeys[attributeCount] = key;
    attributeValues[attributeCount] = value;
    attributeCount++;
  }

  /**
   * Runs {@code callback} with the final response, after every middleware has had its turn (and
   * added its headers and cookies) and before it is sent. An exception in a callback is logged and
   * does not change the response. The page cache stores pages this way.
   */
  public void afterResponse(Consumer<Response> callback) {
    if (responseCallbacks == null) {
      responseCallbacks = new ArrayList<>(1);
    }
    responseCallbacks.add(callback);
  }

  /** Runs the {@link #afterResponse} callbacks; called once by the runtime. */
  public void finish(Response response) {
    if (responseCallbacks == null) {
      return;
    }
    for (Consumer<Response> callback : responseCallbacks) {
      try {
        callback.accept(response);
      } catch (RuntimeException e) {
        LoggerFactory.getLogger("galvani.request")
            .error("A response callback failed for {}", this, e);
      }
    }
  }

  /** The route this request matched, once the URL resolver has run; empty for unmatched paths. */
  public Optional<ResolverMatch> match() {
    return Optional.ofNullable(match);
  }

  /** Called by the runtime after URL resolution. */
  public void match(ResolverMatch match) {
    this.match = match;
  }

  /** A captured path argument converted by its converter: {@code <int:id>} gives an Integer. */
  public <T> T pathArg(String name, Class<T> type) {
    ResolverMatch resolved = match().orElseThrow(() -> new IllegalStateException("No route"));
    Object value = resolved.args().get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "Route '" + resolved.routeName() + "' captures no argument '" + name + "'");
    }
    return type.cast(value);
  }

  public int pathInt(String name) {
    return pathArg(name, Integer.class);
  }

  public String pathString(String name) {
    return String.valueOf(pathArg(name, Object.class));
  }

  /** Whether the client reached the site over HTTPS (honouring trusted proxies). */
  public boolean isSecure() {
    return "https".equals(scheme());
  }

  /** http or https, from X-Forwarded-Proto only when the peer is a trusted proxy. */
  public String scheme() {
    if (fromTrustedProxy()) {
      Optional<String> forwarded = header("X-Forwarded-Proto").map(p -> p.trim().toLowerCase());
      if (forwarded.isPresent()
          && ("http".equals(forwarded.get()) || "https".equals(forwarded.get()))) {
        return forwarded.get();
      }
    }
    return raw.scheme();
  }

  /**
   * The Host the client asked for (X-Forwarded-Host only from a trusted proxy), validated against
   * {@code Settings.allowedHosts}: a malformed, repeated or unlisted Host is a {@link
   * SuspiciousOperation} (400, logged on {@code galvani.security}), so URLs the framework builds
   * only ever use a validated host.
   */
  public String host() {
    if (validatedHost == null) {
      validatedHost = galvani.allowedHosts().validate(unvalidatedHost());
    }
    return validatedHost;
  }

  private String unvalidatedHost() {
    if (fromTrustedProxy()) {
      Optional<String> forwarded = header("X-Forwarded-Host");
      if (forwarded.isPresent()) {
        return lastListItem(forwarded.get());
      }
    }
    List<String> hosts = headers().all("Host");
    if (hosts.size() > 1) {
      throw new SuspiciousOperation("Invalid Host header: the request has " + hosts.size());
    }
    return hosts.isEmpty() ? raw.serverName() + ":" + raw.serverPort() : hosts.get(0);
  }

  /**
   * The client's address. X-Forwarded-For is read only when the direct peer is one of {@code
   * Settings.trustedProxies}; the right-most address that is not a trusted proxy is the client.
   */
  public String clientIp() {
    if (!fromTrustedProxy()) {
      return raw.remoteAddress();
    }
    List<String> chain = new ArrayList<>();
    for (String value : headers().all("X-Forwarded-For")) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          chain.add(item.trim());
        }
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (!settings().trustedProxies().contains(chain.get(i))) {
        return chain.get(i);
      }
    }
    return raw.remoteAddress();
  }

  /** The address of the TCP peer, which may be a proxy. */
  public String remoteAddress() {
    return raw.remoteAddress();
  }

  /**
   * Deletes temporary upload files. The runtime calls it when {@code Galvani.handle} returns, so a
   * streamed response must not read uploads: read or save them in the view.
   */
  @Override
  public void close() {
    if (multipartParts != null) {
      multipartParts.close();
      multipartParts = null;
    }
  }

  private boolean fromTrustedProxy() {
    return !settings().trustedProxies().isEmpty()
        && settings().trustedProxies().contains(raw.remoteAddress());
  }

  private static String lastListItem(String value) {
    int comma = value.lastIndexOf(',');
    return (comma < 0 ? value : value.substring(comma + 1)).trim();
  }

  private Settings settings() {
    return galvani.settings();
  }

  private static final int MAX = Integer.MAX_VALUE - 16;

  private PayloadTooLarge tooLarge(long limit) {
    return new PayloadTooLarge(
        "The request body is larger than "
            + limit
            + " bytes (Settings.maxRequestBodyBytes); send less or raise the limit");
  }

  private void readForm() {
    files = Map.of();
    String type = contentType();
    if (type.equals("application/x-www-form-urlencoded")) {
      form = FormParser.parse(new String(body(), StandardCharsets.UTF_8), maxFields());
    } else if (type.equals("multipart/form-data")) {
      readMultipart();
    } else {
      form = Params.empty();
    }
  }

  private int maxFields() {
    return settings().maxFormFields();
  }

  private void readMultipart() {
    String boundary =
        org.eclipse.jetty.http.MultiPart.extractBoundary(header("Content-Type").orElse(""));
    if (boundary == null || boundary.isEmpty()) {
      throw new BadRequest("multipart/form-data needs a boundary parameter in Content-Type");
    }
    long limit = settings().maxMultipartBytes();
    if (raw.contentLength() > limit) {
      throw new PayloadTooLarge(
          "The upload is larger than "
              + limit
              + " bytes (Settings.maxMultipartBytes); send less or raise the limit");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxParts(maxFields());
    parser.setMaxLength(limit);
    parser.setMaxMemoryFileSize(settings().uploadMemoryThreshold());
    parser.setPartHeadersMaxLength(8 * 1024);
    try {
      Files.createDirectories(settings().uploadTempDir());
      parser.setFilesDirectory(settings().uploadTempDir());
      InputStream in = raw.body() == null ? InputStream.nullInputStream() : raw.body();
      multipartParts = parser.parse(Content.Source.from(in)).get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw multipartError(e.getCause() == null ? e : e.getCause(), limit);
    } catch (TimeoutException e) {
      throw new BadRequest("The multipart body did not arrive in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadRequest("Interrupted while reading the multipart body");
    } catch (IOException e) {
      throw new BadRequest("The multipart body could not be read", e);
    }
    Params.Builder fields = new Params.Builder();
    Map<String, List<UploadedFile>> uploads = new LinkedHashMap<>();
    for (MultiPart.Part part : multipartParts) {
      String name = part.getName() == null ? "" : part.getName();
      if (part.getFileName() == null) {
        fields.add(name, part.getContentAsString(StandardCharsets.UTF_8));
      } else {
        uploads.computeIfAbsent(name, n -> new ArrayList<>()).add(new UploadedFile(name, part));
      }
    }
    form = fields.build();
    files = Collections.unmodifiableMap(uploads);
  }

  private HttpError multipartError(Throwable cause, long limit) {
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("max length") || message.contains("max file size")) {
      return new PayloadTooLarge(
          "The upload is larger than " + limit + " bytes (Settings.maxMultipartBytes)");
    }
    if (message.contains("max parts") || message.contains("too many")) {
      return new BadRequest(
          "Too many form fields: the limit is "
              + maxFields()
              + " (Settings.maxFormFields); send fewer fields or raise the limit");
    }
    return new BadRequest("Malformed multipart body: " + cause.getMessage());
  }

  @Override
  public String toString() {
    return method() + " " + rawPath();
  }
}
