package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestResponse;
import org.junit.jupiter.api.Test;

/** What a visitor sees for a question or page that does not exist. */
class NotFoundPageTest {

  // snippet:not-found-tests
  @Test
  void detail_ofAMissingQuestion_withDebugOff_showsTheSiteNotFoundPage() {
    TestResponse page = TestSites.site(false).client.get("/polls/99/");

    assertEquals(404, page.status());
    assertEquals("404.html", page.templateName().orElseThrow());
    assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"));
    String html = page.text();
    assertTrue(html.contains("<h1>Page not found</h1>"), html);
    assertTrue(html.contains("No question matches the given query."), html);
    assertTrue(html.contains("href=\"/polls/\">Back to the polls</a>"), html);
    assertFalse(html.contains("URL patterns tried"), html);
  }

  // end-snippet

  @Test
  void unknownPage_withDebugOff_showsTheSiteNotFoundPage() {
    TestResponse page = TestSites.site(false).client.get("/nothing/here/");

    assertEquals(404, page.status());
    assertEquals("404.html", page.templateName().orElseThrow());
    assertFalse(page.text().contains("polls:detail"), page.text());
  }

  @Test
  void detail_ofAMissingQuestion_withDebugOn_showsTheDebugPage() {
    TestResponse page = TestSites.site(true).client.get("/polls/99/");

    assertEquals(404, page.status());
    assertTrue(page.templateName().isEmpty());
    String html = page.text();
    assertTrue(html.contains("No question matches the given query."), html);
    assertTrue(html.contains("URL patterns tried"), html);
    assertTrue(html.contains("polls:detail"), html);
  }
}
