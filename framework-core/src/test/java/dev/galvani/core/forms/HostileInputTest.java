package dev.galvani.core.forms;

import static dev.galvani.core.forms.Html.listItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.galvani.core.test.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validators answer in time proportional to the input, whatever the input. */
class HostileInputTest {
  private static final Duration FAST = Duration.ofSeconds(2);

  @Test
  void emailField_withFiftyThousandDomainLabels_answersFast() {
    Field<String> email = Fields.email("email");
    String hostile = "a@" + "a.".repeat(50_000);

    List<String> errors =
        assertTimeoutPreemptively(FAST, () -> FieldValidationTest.errors(email, hostile));

    assertEquals(List.of("Ensure this value has at most 254 characters (it has 100002)."), errors);
    assertEquals(
        List.of("Enter a valid email address."),
        FieldValidationTest.errors(Fields.email("email").maxLength(200_000), hostile),
        "the address check caps the length on its own");
  }

  @Test
  void emailField_withHostileValuePostedToAView_answersFast() {
    TestClient client = new TestClient(FormSite.galvani());
    String hostile = "a@" + "a.".repeat(50_000);

    String html =
        assertTimeoutPreemptively(
            FAST, () -> client.post("/signup/", Map.of("email", hostile)).text());

    assertEquals(
        List.of("Ensure this value has at most 254 characters (it has 100002)."),
        listItems(html, "id_email_error"));
  }

  @Test
  void urlField_withLongRepetitiveHosts_answersFast() {
    Field<String> homepage = Fields.url("homepage");
    List<String> hostile =
        List.of(
            "http://" + "a.".repeat(50_000),
            "http://" + "a".repeat(100_000),
            "http://" + "-".repeat(100_000) + ".com",
            "http://[" + ":".repeat(100_000) + "]",
            "http://a.com:" + "9".repeat(100_000),
            "http://" + "a-".repeat(1000) + "a.com/");

    assertTimeoutPreemptively(
        FAST,
        () -> {
          for (String value : hostile) {
            assertEquals(
                List.of("Enter a valid URL."), FieldValidationTest.errors(homepage, value));
          }
        });
  }

  @Test
  void numberFields_withHundredThousandDigits_answerFast() {
    String digits = "9".repeat(100_000);

    assertTimeoutPreemptively(
        FAST,
        () -> {
          assertEquals(
              List.of("Enter a whole number."),
              FieldValidationTest.errors(Fields.integer("n"), digits));
          assertEquals(
              List.of("Enter a number."), FieldValidationTest.errors(Fields.decimal("n"), digits));
          assertEquals(
              List.of("Enter a valid date."), FieldValidationTest.errors(Fields.date("d"), digits));
        });
  }
}
