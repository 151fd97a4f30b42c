package dev.galvani.examples.polls;

import dev.galvani.core.Env;
import dev.galvani.core.Settings;
import dev.galvani.core.messages.MessagesApp;

// snippet:settings
/**
 * The site's one settings class. {@code DEBUG} defaults to off ({@code runserver} turns it on);
 * {@code SECRET_KEY} falls back to a development key that {@code check --deploy} flags.
 */
public final class PollsSettings extends Settings {
  /** Settings from the process environment and {@code .env}, with the sample questions. */
  public PollsSettings() {
    this(Env.system(), QuestionStore.withSampleQuestions());
  }

  /** Settings from a given environment serving a given store, so each test gets its own. */
  public PollsSettings(Env env, QuestionStore store) {
    super(env);
    debug(env().bool("DEBUG", false));
    secretKey(env().secret("SECRET_KEY", "insecure-dev-key-only-for-the-polls-example"));
    allowedHosts(env().list("ALLOWED_HOSTS", "localhost,127.0.0.1"));
    apps(new PollsApp(store), new MessagesApp());
    rootUrls(SiteUrls::patterns);
  }
}
// end-snippet
