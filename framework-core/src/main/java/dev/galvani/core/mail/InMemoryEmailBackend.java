package dev.galvani.core.mail;

import java.util.ArrayList;
import java.util.List;

/** Keeps sent emails in an outbox instead of sending them: for tests (Django's locmem). */
public final class InMemoryEmailBackend implements EmailBackend {
  private final List<EmailMessage> outbox = new ArrayList<>();

  @Override
  public synchronized int send(List<EmailMessage> messages) {
    outbox.addAll(messages);
    return messages.size();
  }

  /** What was sent so far, oldest first. */
  public synchronized List<EmailMessage> outbox() {
    return List.copyOf(outbox);
  }

  public synchronized void clear() {
    outbox.clear();
  }
}
