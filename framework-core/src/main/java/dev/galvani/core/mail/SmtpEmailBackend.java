package dev.galvani.core.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Sends email through an SMTP server with Jakarta Mail (Eclipse Angus): STARTTLS when asked, login
 * when a username is given, and connect/read timeouts so a dead server cannot hang a request.
 */
public final class SmtpEmailBackend implements EmailBackend {
  private final Session session;

  /**
   * @param startTls upgrade the connection with STARTTLS before logging in (and require it)
   * @param timeout for connecting and for each read and write
   */
  public SmtpEmailBackend(
      String host, int port, String username, String password, boolean startTls, Duration timeout) {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    String millis = Long.toString(timeout.toMillis());
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    if (startTls) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    boolean login = username != null && !username.isEmpty();
    properties.put("mail.smtp.auth", Boolean.toString(login));
    this.session =
        login
            ? Session.getInstance(
                properties,
                new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                  }
                })
            : Session.getInstance(properties);
  }

  /**
   * Tries every message, then reports.
   *
   * @throws MailFailed naming how many were not sent and the server's first answer, after the
   *     others went out
   */
  @Override
  public int send(List<EmailMessage> messages) {
    int sent = 0;
    MessagingException first = null;
    String firstSubject = null;
    for (EmailMessage message : messages) {
      try {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(message.from(), true));
        for (String to : message.to()) {
          mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        Transport.send(mime);
        sent++;
      } catch (MessagingException e) {
        if (first == null) {
          first = e;
          firstSubject = message.subject();
        }
      }
    }
    if (first != null) {
      throw new MailFailed(
          (messages.size() - sent)
              + " of "
              + messages.size()
              + " emails were not sent; the first, '"
              + firstSubject
              + "': "
              + first.getMessage(),
          first);
    }
    return sent;
  }

  /** An email the SMTP server did not take. */
  public static final class MailFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
