package dev.galvani.examples.polls;

import dev.galvani.auth.AuthApp;
import dev.galvani.auth.DatabaseSessionStore;
import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.messages.MessagesApp;
import dev.galvani.core.sessions.SessionSettings;
import dev.galvani.orm.OrmApp;
import dev.galvani.orm.OrmSettings;

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
    apps(new OrmApp(), new AuthApp(), new PollsApp(), new MessagesApp());
    // logins live in the database, so logout ends a session for good and instances share them
    set(SessionSettings.KEY, SessionSettings.defaults().withStore(new DatabaseSessionStore()));
    rootUrls(SiteUrls::patterns);
  }
}
// end-snippet
