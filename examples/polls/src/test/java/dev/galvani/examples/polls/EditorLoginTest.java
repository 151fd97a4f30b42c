package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.auth.Auth;
import dev.galvani.auth.Permission;
import dev.galvani.auth.User;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editors' page: login required, and the polls.change_question permission. */
class EditorLoginTest {
  private final TestSites site = TestSites.withSampleQuestions();
  private final TestClient client = site.client;

  @AfterEach
  void closeSite() {
    site.close();
  }

  private void user(String username, boolean editor) {
    site.db.atomic(
        () -> {
          User user = new User(username);
          Auth.passwords(site.galvani).setPassword(user, "a long and rare passphrase");
          if (editor) {
            user.getUserPermissions()
                .add(
                    site.db
                        .objects(Permission.class)
                        .filter("appLabel", "polls")
                        .get("codename", "change_question"));
          }
          site.db.save(user);
        });
  }

  private TestResponse logIn(String username) {
    return client.post(
        "/accounts/login/",
        Map.of(
            "username",
            username,
            "password",
            "a long and rare passphrase",
            "next",
            "/polls/manage/"));
  }

  // snippet:editor-test
  @Test
  void anEditorLogsIn_seesEveryQuestionWithItsVotes_andLogsOut() {
    user("editor", true);
    TestResponse anonymous = client.get("/polls/manage/");
    assertEquals(302, anonymous.status());
    assertEquals(
        "/accounts/login/?next=%2Fpolls%2Fmanage%2F", anonymous.header("Location").orElseThrow());
    assertEquals(200, client.get("/accounts/login/?next=/polls/manage/").status());

    TestResponse login = logIn("editor");
    assertEquals("/polls/manage/", login.header("Location").orElseThrow());
    TestResponse page = client.get("/polls/manage/");
    assertEquals(200, page.status());
    assertTrue(page.text().contains("Logged in as editor"), page.text());
    assertTrue(page.text().contains("Which Java release do you deploy on?"), page.text());

    assertEquals(302, client.post("/accounts/logout/", Map.of()).status());
    assertEquals(302, client.get("/polls/manage/").status());
  }

  // end-snippet

  @Test
  void aUserWithoutThePermission_gets403() {
    user("reader", false);
    logIn("reader");
    assertEquals(403, client.get("/polls/manage/").status());
  }
}
