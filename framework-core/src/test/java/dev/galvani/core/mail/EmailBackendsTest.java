package dev.galvani.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The three email backends; SMTP against a minimal SMTP server on loopback (the outside world). */
class EmailBackendsTest {
  final EmailMessage hello =
      new EmailMessage(
          "Grüße", "Hello,\nthis is the body.\n", "site@example.com", List.of("ada@example.com"));

  @Test
  void smtp_deliversTheMessage_asTheServerSeesIt() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> serveOne(server));
      SmtpEmailBackend smtp =
          new SmtpEmailBackend(
              "127.0.0.1", server.getLocalPort(), "", "", false, Duration.ofSeconds(5));
      assertEquals(1, smtp.send(List.of(hello)));
      String dialogue = received.get();
      assertTrue(dialogue.contains("MAIL FROM:<site@example.com>"), dialogue);
      assertTrue(dialogue.contains("RCPT TO:<ada@example.com>"), dialogue);
      assertTrue(dialogue.contains("Subject: =?UTF-8?"), "non-ASCII subject encoded: " + dialogue);
      assertTrue(dialogue.contains("this is the body."), dialogue);
    }
  }

  @Test
  void smtp_aServerThatIsNotThere_failsWithinTheTimeout_namingTheEmail() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    SmtpEmailBackend smtp =
        new SmtpEmailBackend("127.0.0.1", closedPort, "", "", false, Duration.ofSeconds(2));
    SmtpEmailBackend.MailFailed failed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(SmtpEmailBackend.MailFailed.class, () -> smtp.send(List.of(hello))));
    assertTrue(
        failed.getMessage().startsWith("1 of 1 emails were not sent; the first, 'Grüße': "),
        failed.getMessage());
  }

  @Test
  void console_printsAndInMemory_keeps() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new ConsoleEmailBackend(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .send(List.of(hello));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith("Subject: Grüße\nFrom: site@example.com\nTo: ada@example.com\n\nHello,"),
        text);

    InMemoryEmailBackend memory = new InMemoryEmailBackend();
    memory.send(List.of(hello, hello));
    assertEquals(2, memory.outbox().size());
    memory.clear();
    assertEquals(List.of(), memory.outbox());
  }

  @Test
  void headerInjection_andNoRecipients_areRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EmailMessage(
                "Hi\r\nBcc: all@example.com", "", "a@example.com", List.of("b@example.com")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmailMessage("Hi", "", "a@example.com", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmailMessage("Hi", "", "a@example.com", List.of("b@example.com\nBcc: c@x.org")));
  }

  /** Speaks just enough SMTP to take one message; returns what the client sent. */
  private static String serveOne(ServerSocket server) {
    StringBuilder seen = new StringBuilder();
    try (Socket client = server.accept();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      reply(out, "220 test ESMTP");
      boolean data = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        seen.append(line).append('\n');
        if (data) {
          if (line.equals(".")) {
            data = false;
            reply(out, "250 queued");
          }
          continue;
        }
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 test");
          case "DATA" -> {
            data = true;
            reply(out, "354 go on");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return seen.toString();
          }
          default -> reply(out, "250 ok");
        }
      }
    } catch (java.io.IOException e) {
      seen.append("IOException: ").append(e.getMessage());
    }
    return seen.toString();
  }

  private static void reply(Writer out, String line) throws java.io.IOException {
    out.write(line + "\r\n");
    out.flush();
  }
}
