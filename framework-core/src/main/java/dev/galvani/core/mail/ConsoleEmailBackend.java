package dev.galvani.core.mail;

import java.io.PrintStream;
import java.util.List;

/** Prints each email to standard output instead of sending it: for development. */
public final class ConsoleEmailBackend implements EmailBackend {
  private final PrintStream out;

  public ConsoleEmailBackend() {
    this(System.out);
  }

  public ConsoleEmailBackend(PrintStream out) {
    this.out = out;
  }

  @Override
  public int send(List<EmailMessage> messages) {
    synchronized (out) {
      for (EmailMessage message : messages) {
        out.println("Subject: " + message.subject());
        out.println("From: " + message.from());
        out.println("To: " + String.join(", ", message.to()));
        out.println();
        out.println(message.body());
        out.println("-".repeat(72));
      }
      out.flush();
    }
    return messages.size();
  }
}
