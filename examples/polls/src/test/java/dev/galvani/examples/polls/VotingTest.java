package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Voting through the form: counted and redirected, or the form again with an error. */
class VotingTest {
  private final TestSites site = TestSites.withSampleQuestions();
  private final TestClient client = site.client;

  @AfterEach
  void closeSite() {
    site.close();
  }

  private final Question whatsNew = site.question(1);
  private final Choice theSky = whatsNew.getChoices().get(1);

  // snippet:vote-tests
  @Test
  void vote_withAChoice_countsItAndRedirectsToTheResults() {
    TestResponse response = vote(Map.of("choice", Long.toString(theSky.getId())));

    assertEquals(302, response.status());
    assertEquals("/polls/1/results/", response.header("Location").orElseThrow());
    assertEquals(1, votesOf(theSky));
  }

  // end-snippet

  // snippet:follow-redirects
  @Test
  void vote_followedToTheResults_showsTheNewCount() {
    client.followRedirects(true);

    TestResponse page = vote(Map.of("choice", Long.toString(theSky.getId())));

    assertEquals(List.of("/polls/1/results/"), page.redirectChain());
    assertEquals(200, page.status());
    assertEquals("polls/results.html", page.templateName().orElseThrow());
    assertTrue(
        page.text().matches("(?s).*The sky</span>\\s*<span class=\"votes\">1 vote</span>.*"),
        page.text());
  }

  // end-snippet

  // snippet:flash-message
  @Test
  void vote_showsAThankYouMessageOnceThenNotAgain() {
    client.followRedirects(true);

    TestResponse results = vote(Map.of("choice", Long.toString(theSky.getId())));
    TestResponse reload = client.get("/polls/1/results/");

    assertTrue(
        results
            .text()
            .matches("(?s).*<li class=\"success\"\\s+role=\"status\">Thanks for voting on.*"),
        results.text());
    assertFalse(reload.text().contains("Thanks for voting"), "a flash message is shown once");
  }

  // end-snippet

  @Test
  void vote_withoutChoice_redisplaysFormWithError() {
    TestResponse page = vote(Map.of());

    assertEquals(200, page.status());
    assertEquals("polls/detail.html", page.templateName().orElseThrow());
    assertTrue(page.text().contains("You didn&#39;t select a choice."), page.text());
    assertTrue(page.text().contains("type=\"radio\""), page.text());
  }

  @Test
  void vote_withAChoiceOfAnotherQuestion_redisplaysFormWithErrorAndCountsNothing() {
    Choice tabs = site.question(3).getChoices().get(0);

    TestResponse page = vote(Map.of("choice", Long.toString(tabs.getId())));

    assertTrue(page.text().contains("You didn&#39;t select a choice."), page.text());
    assertEquals(0, votesOf(tabs));
  }

  @Test
  void vote_withANonNumericChoice_redisplaysFormWithError() {
    TestResponse page = vote(Map.of("choice", "the sky"));

    assertEquals(200, page.status());
    assertTrue(page.text().contains("You didn&#39;t select a choice."), page.text());
  }

  @Test
  void vote_onAMissingQuestion_isNotFound() {
    assertEquals(404, client.post("/polls/99/vote/", Map.of("choice", "1")).status());
  }

  // snippet:method-not-allowed
  @Test
  void vote_withGet_isMethodNotAllowedWithAllowPost() {
    TestResponse response = client.get("/polls/1/vote/");

    assertEquals(405, response.status());
    assertEquals("POST", response.header("Allow").orElseThrow());
  }

  // end-snippet

  @Test
  void vote_fromManyThreadsAtOnce_countsEveryVote() throws Exception {
    Callable<Integer> oneVote =
        () ->
            new TestClient(site.galvani)
                .post("/polls/1/vote/", Map.of("choice", Long.toString(theSky.getId())))
                .status();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> statuses = pool.invokeAll(Collections.nCopies(200, oneVote));
      for (Future<Integer> status : statuses) {
        assertEquals(302, status.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, votesOf(theSky));
  }

  private TestResponse vote(Map<String, String> form) {
    return client.post("/polls/1/vote/", form);
  }

  private int votesOf(Choice choice) {
    return site.db.objects(Choice.class).get("id", choice.getId()).getVotes();
  }
}
