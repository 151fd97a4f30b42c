package dev.galvani.core.health;

import dev.galvani.core.App;
import dev.galvani.core.Galvani;
import dev.galvani.core.http.Handler;
import dev.galvani.core.http.Response;
import dev.galvani.core.middleware.Middleware;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health endpoints for load balancers, Docker's HEALTHCHECK and Kubernetes probes:
 *
 * <ul>
 *   <li>{@code GET /healthz}, liveness: 200 {@code {"status":"ok"}} whenever the process answers;
 *   <li>{@code GET /readyz}, readiness: runs every app's {@link Probe} (the databases, a shared
 *       cache) and answers 200 when all pass, else 503; the body names each probe with {@code ok}
 *       or {@code unavailable}, never an error's text (that is logged).
 * </ul>
 *
 * <p>List it first, before {@code SecurityMiddleware}: probes come with the container's address as
 * their Host, which {@code ALLOWED_HOSTS} rightly refuses for pages. It answers only these two
 * paths, with GET or HEAD, and passes every other request on. Responses are never cached.
 */
public final class HealthMiddleware implements Middleware {
  public static final String LIVENESS = "/healthz";
  public static final String READINESS = "/readyz";

  private static final Logger LOG = LoggerFactory.getLogger("galvani.health");

  @Override
  public Handler wrap(Handler next) {
    return request -> {
      String path = request.path();
      boolean read = request.method().equals("GET") || request.method().equals("HEAD");
      if (read && path.equals(LIVENESS)) {
        return answer(200, Map.of("status", "ok"));
      }
      if (read && path.equals(READINESS)) {
        return readiness(request.galvani());
      }
      return next.handle(request);
    };
  }

  private static Response readiness(Galvani galvani) {
    List<Probe> probes = new ArrayList<>();
    for (App app : galvani.settings().apps()) {
      probes.addAll(app.readinessProbes());
    }
    Map<String, String> checks = new LinkedHashMap<>();
    boolean ready = true;
    for (Probe probe : probes) {
      try {
        probe.check(galvani);
        checks.put(probe.name(), "ok");
      } catch (Exception e) {
        ready = false;
        checks.put(probe.name(), "unavailable");
        LOG.warn("Readiness probe {} failed: {}", probe.name(), e.toString());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ok" : "unavailable");
    body.put("checks", checks);
    return answer(ready ? 200 : 503, body);
  }

  private static Response answer(int status, Map<String, ?> body) {
    return Response.json(body).withStatus(status).header("Cache-Control", "no-store");
  }
}
