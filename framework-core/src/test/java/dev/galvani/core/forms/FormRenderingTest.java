package dev.galvani.core.forms;

import static dev.galvani.core.forms.Html.fieldBlock;
import static dev.galvani.core.forms.Html.listItems;
import static dev.galvani.core.forms.Html.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormRenderingTest {
  private final TestClient client = new TestClient(FormSite.galvani());

  @Test
  void unboundForm_showsLabelsInitialValuesAndHelpWithoutErrors() {
    TestResponse page = client.get("/signup/");
    String html = page.text();

    assertEquals(200, page.status());
    assertTrue(html.contains("<label for=\"id_name\">Name</label>"), html);
    assertTrue(html.contains("<label for=\"id_confirm\">Password again</label>"), html);
    assertTrue(tag(html, "id_name").contains("value=\"\""), html);
    assertTrue(tag(html, "id_name").contains("maxlength=\"100\""), html);
    assertTrue(tag(html, "id_name").contains("required=\"required\""), html);
    assertFalse(tag(html, "id_age").contains("required"), "age is optional");
    assertTrue(
        html.contains("<option value=\"free\" selected=\"selected\">Free</option>")
            || html.replaceAll("\\s+", " ")
                .contains("<option value=\"free\" selected=\"selected\">Free</option>"),
        html);
    assertTrue(fieldBlock(html, "id_email").contains("We never share it."), html);
    assertFalse(html.contains("errorlist"), html);
  }

  @Test
  void invalidSubmission_showsEachErrorNextToItsFieldAndKeepsTheValues() {
    TestResponse page =
        client.post(
            "/signup/",
            FormSite.validSignup("email", "ada-at-example", "age", "thirty", "plan", "x"));
    String html = page.text();

    assertEquals(400, page.status());
    assertEquals(List.of("Enter a valid email address."), listItems(html, "id_email_error"));
    assertEquals(List.of("Enter a whole number."), listItems(html, "id_age_error"));
    assertEquals(
        List.of("Select a valid choice. x is not one of the available choices."),
        listItems(html, "id_plan_error"));
    assertTrue(fieldBlock(html, "id_email").contains("Enter a valid email address."), html);
    assertTrue(tag(html, "id_email").contains("value=\"ada-at-example\""), html);
    assertTrue(tag(html, "id_email").contains("aria-invalid=\"true\""), html);
    assertTrue(tag(html, "id_age").contains("value=\"thirty\""), html);
    assertTrue(tag(html, "id_name").contains("value=\"Ada\""), html);
    assertFalse(tag(html, "id_name").contains("aria-invalid"), html);
    assertTrue(tag(html, "id_terms").contains("checked=\"checked\""), html);
  }

  @Test
  void password_isNeverRenderedBack() {
    String html = client.post("/signup/", FormSite.validSignup("email", "wrong")).text();

    assertTrue(tag(html, "id_password").contains("value=\"\""), html);
    assertFalse(html.contains("analytical-engine"), html);
  }

  @Test
  void submittedMarkupAndExpressions_renderAsEscapedLiteralText() {
    String attack = "<script>alert(1)</script>__${T(java.lang.Runtime).getRuntime()}__";
    TestResponse page =
        client.post("/signup/", FormSite.validSignup("name", attack, "email", attack));
    String html = page.text();

    assertFalse(html.contains("<script>alert(1)"), html);
    String escaped =
        "&lt;script&gt;alert(1)&lt;/script&gt;__${T(java.lang.Runtime).getRuntime()}__";
    assertTrue(tag(html, "id_name").contains("value=\"" + escaped + "\""), html);
    assertTrue(tag(html, "id_email").contains("value=\"" + escaped + "\""), html);
    assertFalse(html.contains("java.lang.Runtime@"), html);
  }

  @Test
  void formValidator_errorsAppearAboveTheFieldsAndOnTheField() {
    String html =
        client
            .post(
                "/signup/", FormSite.validSignup("name", "admin", "confirm", "different-password"))
            .text();

    // the whole-form check runs only once every field is valid; here it reports both problems
    assertEquals(List.of("The two passwords differ."), listItems(html, "id_confirm_error"));
    assertTrue(
        html.replaceAll("\\s+", " ")
            .contains("<ul class=\"errorlist nonfield\"> <li>That name is reserved.</li> </ul>"),
        html);
  }

  @Test
  void formFragment_drawsEveryWidgetTypeWithInitialValues() {
    String html = client.get("/everything/").text();

    assertTrue(tag(html, "id_price").contains("type=\"number\""), html);
    assertTrue(tag(html, "id_price").contains("step=\"any\""), html);
    assertTrue(tag(html, "id_day").contains("type=\"date\""), html);
    assertTrue(tag(html, "id_starts").contains("type=\"datetime-local\""), html);
    assertTrue(tag(html, "id_alarm").contains("type=\"time\""), html);
    assertTrue(tag(html, "id_homepage").contains("type=\"url\""), html);
    assertTrue(tag(html, "id_topics").startsWith("<select multiple"), html);
    assertEquals(
        "<input type=\"hidden\" name=\"next\" id=\"id_next\" value=\"/home/\">",
        tag(html, "id_next"));
    assertFalse(html.contains("<label for=\"id_next\""), "hidden fields have no label");
    assertTrue(tag(html, "id_bio").startsWith("<textarea"), html);
    assertTrue(tag(html, "id_newsletter").contains("type=\"checkbox\""), html);
  }

  @Test
  void boundForm_reselectsSubmittedChoicesAndRechecksCheckboxes() {
    String html =
        client
            .request("POST", "/everything/")
            .body(
                "topics=java&topics=db&newsletter=on&day=not-a-day&bio=line+one",
                "application/x-www-form-urlencoded")
            .send()
            .text()
            .replaceAll("\\s+", " ");

    assertTrue(html.contains("<option value=\"java\" selected=\"selected\">Java</option>"), html);
    assertTrue(html.contains("<option value=\"web\">Web</option>"), html);
    assertTrue(html.contains("<option value=\"db\" selected=\"selected\">DB</option>"), html);
    assertTrue(tag(html, "id_newsletter").contains("checked=\"checked\""), html);
    assertTrue(html.contains("<li>Enter a valid date.</li>"), html);
    assertTrue(html.contains(">line one</textarea>"), html);
  }

  @Test
  void multipartForm_getsTheEnctypeFromTheForm() {
    String html = client.get("/upload/").text();

    assertTrue(html.contains("<form method=\"post\" enctype=\"multipart/form-data\">"), html);
    assertTrue(tag(html, "id_document").contains("type=\"file\""), html);
  }

  @Test
  void siteTemplate_inTemplateDirs_overridesTheFragments() {
    Path siteTemplates = Path.of("src/test/resources/templates/formtest/override");
    Galvani galvani = new Galvani(FormSite.settings().templateDirs(List.of(siteTemplates)));

    String html = new TestClient(galvani).get("/signup/").text().replaceAll("\\s+", " ");

    assertTrue(
        html.contains(
            "<label for=\"id_name\" class=\"form-label\"> Name<abbr title=\"required\">*</abbr> </label>"),
        html);
    assertTrue(html.contains("<label for=\"id_age\" class=\"form-label\"> Age </label>"), html);
  }
}
