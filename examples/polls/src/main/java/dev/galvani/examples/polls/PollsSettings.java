package dev.galvani.examples.polls;

import dev.galvani.auth.AuthApp;
import dev.galvani.auth.DatabaseSessionStore;
import dev.galvani.cache.CacheApp;
import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.health.HealthMiddleware;
import dev.galvani.core.messages.MessagesApp;
import dev.galvani.core.middleware.Middleware;
import dev.galvani.core.sessions.SessionMiddleware;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.i18n.I18nApp;
import dev.galvani.i18n.I18nSettings;
import dev.galvani.i18n.LocaleMiddleware;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;
import java.util.ArrayList;
import java.util.List;

// snippet:settings
/**
 * The site's one settings class. {@code DEBUG} defaults to off ({@code runserver} turns it on);
 * {@code SECRET_KEY} falls back to a development key that {@code check --deploy} flags; {@code
 * DATABASE_URL} falls back to an H2 file under {@code db/}.
 */
public final class PollsSettings extends Settings {
  /** Settings from the process environment and {@code .env}. */
  public PollsSettings() {
    this(Env.system());
  }

  /** Settings from a given environment, so each test can have its own database. */
  public PollsSettings(Env env) {
    super(env);
    debug(env().bool("DEBUG", false));
    secretKey(env().secret("SECRET_KEY", "insecure-dev-key-only-for-the-polls-example"));
    allowedHosts(env().list("ALLOWED_HOSTS", "localhost,127.0.0.1"));
    set(OrmSettings.KEY, OrmSettings.fromEnv(env(), "h2:file:db/polls"));
    // CACHE_URL names the cache: caffeine:// by default, redis://... with several instances
    apps(
        new OrmApp(),
        new CacheApp(),
        new AuthApp(),
        new I18nApp(),
        new PollsApp(),
        new MessagesApp());
    // offered in English and German: the language comes from the cookie the language menu sets,
    // else the browser's Accept-Language
    I18nSettings.of("en").language("en", "English").language("de", "Deutsch").install(this);
    middleware(withHealthAndLocale(Settings.defaultMiddleware()));
    // logins live in the database, so logout ends a session for good and instances share them
    set(SessionSettings.KEY, SessionSettings.defaults().withStore(new DatabaseSessionStore()));
    rootUrls(SiteUrls::patterns);
  }

  /**
   * The middleware with the health endpoints first ({@code /healthz}, {@code /readyz}: probes come
   * with the container's address as Host) and LocaleMiddleware right after the sessions.
   */
  static List<Middleware> withHealthAndLocale(List<Middleware> middleware) {
    List<Middleware> result = new ArrayList<>();
    result.add(new HealthMiddleware());
    for (Middleware layer : middleware) {
      result.add(layer);
      if (layer instanceof SessionMiddleware) {
        result.add(new LocaleMiddleware());
      }
    }
    return result;
  }
}
// end-snippet
