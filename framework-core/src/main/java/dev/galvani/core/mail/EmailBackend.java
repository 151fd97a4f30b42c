package dev.galvani.core.mail;

import dev.galvani.core.Galvani;
import dev.galvani.core.http.Key;
import java.util.List;

/**
 * Sends email. Choose one in the settings: {@code settings.set(EmailBackend.KEY, new
 * SmtpEmailBackend(...))}; without one the site prints emails to the console, as a development site
 * should. Implementations must be thread-safe.
 */
public interface EmailBackend {
  Key<EmailBackend> KEY = Key.of("email.backend", EmailBackend.class);

  /** Sends the messages; returns how many were sent. */
  int send(List<EmailMessage> messages);

  /** The site's backend: the settings' one, or the console. */
  static EmailBackend of(Galvani galvani) {
    return galvani.settings().get(KEY).orElseGet(ConsoleEmailBackend::new);
  }
}
