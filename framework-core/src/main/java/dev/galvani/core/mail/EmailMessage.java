package dev.galvani.core.mail;

import java.util.List;

/**
 * A plain-text email: Django's {@code EmailMessage} without attachments.
 *
 * @param from the sender address, such as {@code webmaster@example.com}
 * @param to the recipients, at least one
 */
public record EmailMessage(String subject, String body, String from, List<String> to) {
  public EmailMessage {
    if (to.isEmpty()) {
      throw new IllegalArgumentException("An email needs at least one recipient");
    }
    List<String> headers = new java.util.ArrayList<>(to);
    headers.add(subject);
    headers.add(from);
    for (String field : headers) {
      if (field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "Header values may not contain line breaks (header injection): " + field.strip());
      }
    }
    to = List.copyOf(to);
  }
}
