package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polls site in its second language: chosen by the browser, or by the language menu. */
class GermanPollsTest {
  private final TestSites site = TestSites.withSampleQuestions();
  private final TestClient client = site.client.followRedirects(true);

  @AfterEach
  void closeSite() {
    site.close();
  }

  // snippet:german-test
  @Test
  void aGermanBrowser_getsGermanPages_andVoteCountsWithGermanPlurals() {
    TestResponse index =
        client
            .request("GET", "/polls/")
            .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
            .send();
    assertEquals("de", index.header("Content-Language").orElseThrow());
    assertTrue(index.text().contains("<html lang=\"de\">"), index.text());
    assertTrue(index.text().contains("<h1>Neueste Umfragen</h1>"), index.text());
    Choice theSky = site.question(1).getChoices().get(1);
    client.cookie("galvani_language", "de"); // the redirect to the results sends no header
    TestResponse results =
        client.post("/polls/1/vote/", Map.of("choice", Long.toString(theSky.getId())));
    String html = results.text();
    assertTrue(html.contains("<span class=\"votes\">1 Stimme</span>"), html);
    assertTrue(html.contains("<span class=\"votes\">0 Stimmen</span>"), html);
    assertTrue(html.contains("Danke für Ihre Stimme zu „What&#39;s new?“."), html);
    assertTrue(html.contains("Nochmals abstimmen?"), html);
  }

  // end-snippet

  @Test
  void theLanguageMenu_switchesTheSiteToGerman_andBackToEnglish() {
    String english = client.get("/polls/").text();
    assertTrue(english.contains("<h1>Latest polls</h1>"), english);
    assertTrue(english.contains("<option value=\"de\">Deutsch</option>"), english);
    TestResponse switched =
        client.post("/i18n/setlang/", Map.of("language", "de", "next", "/polls/1/"));
    assertEquals(200, switched.status());
    assertTrue(switched.text().contains(">Abstimmen</button>"), switched.text());
    assertTrue(client.get("/polls/").text().contains("<h1>Neueste Umfragen</h1>"));
    client.post("/i18n/setlang/", Map.of("language", "en", "next", "/polls/"));
    assertTrue(client.get("/polls/").text().contains("<h1>Latest polls</h1>"));
  }

  @Test
  void aMissingChoice_isExplainedInGerman() {
    String html =
        client
            .request("POST", "/polls/1/vote/")
            .header("Accept-Language", "de")
            .form(Map.of())
            .send()
            .text();
    assertTrue(html.contains("Sie haben keine Antwort ausgewählt."), html);
  }

  @Test
  void theLoginPageAndItsErrors_comeInGermanToo() {
    client.cookie("galvani_language", "de");
    String page = client.get("/accounts/login/").text();
    assertTrue(page.contains("<h1>Anmelden</h1>"), page);
    assertTrue(page.contains(">Benutzername</label>"), page);
    String failed =
        client.post("/accounts/login/", Map.of("username", "nobody", "password", "wrong")).text();
    assertTrue(
        failed.contains("Bitte einen gültigen Benutzernamen und ein Passwort eingeben."), failed);
  }
}
