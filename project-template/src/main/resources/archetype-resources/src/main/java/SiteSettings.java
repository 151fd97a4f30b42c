package ${package};

import dev.galvani.auth.AuthApp;
import dev.galvani.auth.DatabaseSessionStore;
import dev.galvani.cache.CacheApp;
import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.health.HealthMiddleware;
import dev.galvani.core.messages.MessagesApp;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import ${package}.notes.NotesApp;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's one settings class. Every value a deployment changes comes from the environment (or
 * a {@code .env} file in the working directory; see {@code .env.example}):
 *
 * <ul>
 *   <li>{@code DEBUG}: off unless set ({@code runserver} turns it on);
 *   <li>{@code SECRET_KEY}: a development key by default, which {@code check --deploy} flags;
 *   <li>{@code ALLOWED_HOSTS}: the host names the site answers to;
 *   <li>{@code DATABASE_URL}: an H2 file under {@code db/} by default, {@code
 *       postgres://user:password@host/name} in production;
 *   <li>{@code CACHE_URL}: {@code caffeine://} by default, {@code redis://host:6379/0} when
 *       several instances serve the site.
 * </ul>
 */
public final class SiteSettings extends Settings {
  /** Settings from the process environment and {@code .env}. */
  public SiteSettings() {
    this(Env.system());
  }

  /** Settings from a given environment: tests pass their own. */
  public SiteSettings(Env env) {
    super(env);
    debug(env().bool("DEBUG", false));
    secretKey(env().secret("SECRET_KEY", "insecure-development-key-of-${artifactId}"));
    allowedHosts(env().list("ALLOWED_HOSTS", "localhost,127.0.0.1"));
    set(OrmSettings.KEY, OrmSettings.fromEnv(env(), "h2:file:db/${artifactId}"));
    apps(new OrmApp(), new CacheApp(), new AuthApp(), new MessagesApp(), new NotesApp());
    middleware(withHealth(Settings.defaultMiddleware()));
    // logins live in the database, so several instances share them and logout is final
    set(SessionSettings.KEY, SessionSettings.defaults().withStore(new DatabaseSessionStore()));
    rootUrls(SiteUrls::patterns);
  }

  /** /healthz and /readyz first, so load balancers' probes need no allowed Host. */
  private static List<Middleware> withHealth(List<Middleware> middleware) {
    List<Middleware> result = new ArrayList<>();
    result.add(new HealthMiddleware());
    result.addAll(middleware);
    return result;
  }
}
