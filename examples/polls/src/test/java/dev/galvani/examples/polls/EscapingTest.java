package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Text that visitors could have typed is shown as text: never as markup, never as an expression.
 */
class EscapingTest {
  private static final String MARKER = "galvani-polls-escaping-test";
  private static final String HOSTILE =
      "<script>alert('owned')</script> __${T(java.lang.Runtime).getRuntime().exec('touch /tmp/"
          + MARKER
          + "')}__";

  private final TestSites site = TestSites.empty();
  private final Question question =
      site.add(HOSTILE, Instant.now(), List.of("<b>bold</b>", "${7*7}"));
  private final TestClient client = site.client;

  @AfterEach
  void closeSite() {
    site.close();
  }

  @Test
  void index_showsMarkupInAQuestionAsText() {
    String html = client.get("/polls/").text();

    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"), html);
  }

  @Test
  void detail_showsExpressionsInAQuestionLiterallyWithoutRunningThem() {
    String html = client.get("/polls/" + question.getId() + "/").text();

    assertTrue(html.contains("__${T(java.lang.Runtime).getRuntime()"), html);
    assertTrue(html.contains(">&lt;b&gt;bold&lt;/b&gt;</label>"), html);
    assertTrue(html.contains(">${7*7}</label>"), html);
    assertFalse(html.contains(">49</label>"), html);
    assertFalse(Files.exists(Path.of("/tmp", MARKER)));
  }

  @Test
  void results_showsMarkupAsText() {
    String html = client.get("/polls/" + question.getId() + "/results/").text();

    assertEquals(1, html.split("<script>", -1).length, html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }
}
