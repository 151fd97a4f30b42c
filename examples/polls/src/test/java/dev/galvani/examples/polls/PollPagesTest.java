package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pages a visitor reads: index, detail and results, and the ways to reach them. */
class PollPagesTest {
  // snippet:index-test
  private final TestSites site = TestSites.withSampleQuestions();
  private final TestClient client = site.client;

  @AfterEach
  void closeSite() {
    site.close();
  }

  @Test
  void index_listsTheSampleQuestionsNewestFirst() {
    TestResponse page = client.get("/polls/");

    assertEquals(200, page.status());
    assertEquals("polls/index.html", page.templateName().orElseThrow());
    String html = page.text();
    int tabs = html.indexOf(">Tabs or spaces?</a>");
    int java = html.indexOf(">Which Java release do you deploy on?</a>");
    int whatsNew = html.indexOf(">What&#39;s new?</a>");
    assertTrue(tabs > 0 && java > tabs && whatsNew > java, html);
    assertTrue(html.contains("href=\"/polls/1/\""), html);
  }

  // end-snippet

  @Test
  void index_withoutQuestions_saysNoPollsAreAvailable() {
    TestResponse page;
    try (TestSites empty = TestSites.empty()) {
      page = empty.client.get("/polls/");
    }

    assertEquals(200, page.status());
    assertTrue(page.text().contains("No polls are available."), page.text());
  }

  @Test
  void index_showsAtMostTheFiveLatestQuestions() {
    for (int i = 1; i <= 7; i++) {
      site.add("Question " + i, Instant.now().minus(Duration.ofHours(10 - i)), List.of("Yes"));
    }

    String html = client.get("/polls/").text();

    assertTrue(html.contains(">Question 7</a>") && html.contains(">Question 3</a>"), html);
    assertFalse(html.contains(">Question 2</a>"), html);
  }

  @Test
  void index_leavesOutQuestionsPublishedInTheFuture() {
    site.add("Back from the future?", Instant.now().plus(Duration.ofDays(30)), List.of("Yes"));

    assertFalse(client.get("/polls/").text().contains("Back from the future?"));
  }

  @Test
  void detail_showsTheQuestionAndAVoteFormWithRadioButtons() {
    TestResponse page = client.get("/polls/1/");

    assertEquals(200, page.status());
    assertEquals("polls/detail.html", page.templateName().orElseThrow());
    String html = page.text();
    assertTrue(html.contains("<h1>What&#39;s new?</h1>"), html);
    assertTrue(html.contains("action=\"/polls/1/vote/\" method=\"post\""), html);
    Question question = site.question(1);
    for (Choice choice : question.getChoices()) {
      assertTrue(
          html.contains("type=\"radio\" name=\"choice\" id=\"choice" + choice.getId() + "\""),
          html);
      assertTrue(html.contains(">" + choice.getText() + "</label>"), html);
    }
    assertFalse(html.contains("You didn&#39;t select a choice."), html);
  }

  @Test
  void detail_ofAFutureQuestion_isNotFound() {
    Question future = site.add("Not yet", Instant.now().plus(Duration.ofDays(1)), List.of("Later"));

    assertEquals(404, client.get("/polls/" + future.getId() + "/").status());
  }

  @Test
  void results_showsEveryChoiceWithItsVotes() {
    TestResponse page = client.get("/polls/3/results/");

    assertEquals(200, page.status());
    assertEquals("polls/results.html", page.templateName().orElseThrow());
    assertTrue(page.text().matches("(?s).*Tabs</span>\\s*<span class=\"votes\">0 votes</span>.*"));
    assertTrue(page.text().contains("href=\"/polls/3/\">Vote again?</a>"), page.text());
  }

  @Test
  void home_redirectsToThePollsIndex() {
    TestResponse response = client.get("/");

    assertEquals(302, response.status());
    assertEquals("/polls/", response.header("Location").orElseThrow());
  }

  @Test
  void detail_withoutTrailingSlash_redirectsPermanentlyToTheSlashedUrl() {
    TestResponse response = client.get("/polls/1");

    assertEquals(301, response.status());
    assertEquals("/polls/1/", response.header("Location").orElseThrow());
  }

  // snippet:static-in-tests
  @Test
  void pages_inDebug_linkTheStylesheetServedFromTheSources() {
    TestClient debugClient = TestSites.site(true).client;
    String html = debugClient.get("/polls/").text();
    assertTrue(html.contains("href=\"/static/polls/style.css\""), html);

    TestResponse css = debugClient.get("/static/polls/style.css");

    assertEquals(200, css.status());
    assertTrue(css.header("Content-Type").orElseThrow().startsWith("text/css"));
    assertTrue(css.text().contains(".site-header"));
  }

  @Test
  void pages_inProduction_linkTheCollectedStylesheetByItsHashedName() {
    Matcher link =
        Pattern.compile("href=\"(/static/polls/style\\.[0-9a-f]{12}\\.css)\"")
            .matcher(client.get("/polls/").text());
    assertTrue(link.find(), "no hashed stylesheet link");

    TestResponse css = client.get(link.group(1));

    assertEquals(200, css.status());
    assertTrue(css.text().contains(".site-header"));
    assertEquals("public, max-age=31536000, immutable", css.header("Cache-Control").orElseThrow());
  }
  // end-snippet
}
