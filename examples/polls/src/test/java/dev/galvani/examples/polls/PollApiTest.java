package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON API: questions with their choices and votes, and voting with a JSON body. */
class PollApiTest {
  private final TestSites site = TestSites.withSampleQuestions();
  private final TestClient client = site.client;

  @AfterEach
  void closeSite() {
    site.close();
  }

  @Test
  void questions_listsPublishedQuestionsNewestFirstWithChoicesAndVotes() {
    TestResponse response = client.get("/polls/api/questions/");

    assertEquals(200, response.status());
    assertEquals("application/json", response.header("Content-Type").orElseThrow());
    JsonNode questions = response.json().get("questions");
    assertEquals(3, questions.size());
    JsonNode newest = questions.get(0);
    assertEquals(3, newest.get("id").asInt());
    assertEquals("Tabs or spaces?", newest.get("text").asString());
    Instant.parse(newest.get("pubDate").asString()); // an ISO-8601 instant, not a number
    assertEquals("Tabs", newest.get("choices").get(0).get("text").asString());
    assertEquals(0, newest.get("choices").get(0).get("votes").asInt());
    assertTrue(newest.get("choices").get(0).get("id").isInt());
  }

  @Test
  void question_givesOneQuestionWithItsChoices() {
    JsonNode question = client.get("/polls/api/questions/1/").json();

    assertEquals("What's new?", question.get("text").asString());
    assertEquals(
        List.of("Not much", "The sky", "Just hacking again"),
        question.get("choices").valueStream().map(c -> c.get("text").asString()).toList());
  }

  // snippet:api-tests
  @Test
  void question_missing_isNotFoundAsJsonForJsonClients() {
    TestResponse response =
        client
            .request("GET", "/polls/api/questions/99/")
            .header("Accept", "application/json")
            .send();

    assertEquals(404, response.status());
    assertEquals(404, response.json().get("status").asInt());
  }

  @Test
  void vote_withAJsonChoice_countsItAndReturnsTheQuestion() {
    long theSky = site.question(1).getChoices().get(1).getId();

    TestResponse response =
        client.postJson("/polls/api/questions/1/vote/", Map.of("choice", theSky));

    assertEquals(200, response.status());
    assertEquals(1, response.json().get("choices").get(1).get("votes").asInt());
  }

  @Test
  void vote_withAChoiceOfAnotherQuestion_isABadRequestNamingTheChoice() {
    TestResponse response =
        client
            .request("POST", "/polls/api/questions/1/vote/")
            .header("Accept", "application/json")
            .json(Map.of("choice", 999))
            .send();

    assertEquals(400, response.status());
    assertTrue(response.json().get("detail").asString().contains("no choice 999"), response.text());
  }
  // end-snippet
}
