package dev.galvani.core.forms;

import static dev.galvani.core.forms.Html.listItems;
import static dev.galvani.core.forms.Html.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms bound through real views: POST bodies, GET queries and multipart uploads. */
class FormBindingTest {
  private static final String BOUNDARY = "formsBoundary7MA4YWxk";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  private final TestClient client = new TestClient(FormSite.galvani());

  @Test
  void validPost_givesTheViewTypedCleanedValues() {
    Map<String, String> form = FormSite.validSignup("name", "  Ada Lovelace ");

    TestResponse response = client.post("/signup/", form);

    assertEquals(200, response.status(), response.text());
    assertEquals("Welcome Ada Lovelace (ada@example.com), age 36, plan pro", response.text());
  }

  @Test
  void validPost_withOptionalFieldLeftEmpty_givesNoValue() {
    Map<String, String> form = FormSite.validSignup("age", "", "plan", "free");

    assertEquals(
        "Welcome Ada (ada@example.com), age unknown, plan free",
        client.post("/signup/", form).text());
  }

  @Test
  void emptyPost_reportsEveryRequiredField() {
    String html = client.post("/signup/", Map.of()).text();

    for (String field : List.of("name", "email", "password", "confirm", "plan", "terms")) {
      assertEquals(
          List.of("This field is required."), listItems(html, "id_" + field + "_error"), field);
    }
    assertEquals(List.of(), listItems(html, "id_age_error"), "age is optional");
  }

  @Test
  void everyFieldType_convertsToItsJavaType() {
    String body =
        "price=19.90&day=2026-03-01&starts=2026-03-01T14%3A30&alarm=07%3A05"
            + "&homepage=https%3A%2F%2Fexample.com%2F&topics=web&topics=java"
            + "&next=%2Fback%2F&bio=Hello&newsletter=on";

    TestResponse response =
        client
            .request("POST", "/everything/")
            .body(body, "application/x-www-form-urlencoded")
            .send();

    assertEquals(
        String.join(
            "\n",
            "price=BigDecimal:19.90",
            "day=LocalDate:2026-03-01",
            "starts=LocalDateTime:2026-03-01T14:30",
            "alarm=LocalTime:07:05",
            "homepage=String:https://example.com/",
            "topics=List:[web, java]",
            "next=String:/back/",
            "bio=String:Hello",
            "newsletter=Boolean:true",
            ""),
        response.text());
  }

  @Test
  void searchForm_isBoundFromTheQueryStringOnGet() {
    String html = client.get("/search/?q=%3Cb%3Eforms%3C%2Fb%3E&page=2").text();

    assertTrue(
        html.contains(
            "<p id=\"results\">Results for &quot;&lt;b&gt;forms&lt;/b&gt;&quot;, page 2</p>"),
        html);
    assertTrue(tag(html, "id_q").contains("value=\"&lt;b&gt;forms&lt;/b&gt;\""), html);
    assertTrue(tag(html, "id_page").contains("value=\"2\""), html);
  }

  @Test
  void searchForm_withoutQuery_isUnboundAndShowsNoErrors() {
    String html = client.get("/search/").text();

    assertFalse(html.contains("id=\"results\""), html);
    assertFalse(html.contains("errorlist"), html);
  }

  @Test
  void searchForm_withLettersForPage_reportsEnterAWholeNumber() {
    String html = client.get("/search/?q=forms&page=two").text();

    assertEquals(List.of("Enter a whole number."), listItems(html, "id_page_error"));
    assertFalse(html.contains("id=\"results\""), html);
  }

  @Test
  void fileField_inMultipartPost_givesTheUploadedFile() {
    String body =
        part("title", null, "Report")
            + part("document", "report.txt", "hello world")
            + "--"
            + BOUNDARY
            + "--\r\n";

    TestResponse response = client.request("POST", "/upload/").body(body, MULTIPART).send();

    assertEquals("Report: report.txt, 11 bytes, starting hello", response.text());
  }

  @Test
  void fileField_overMaxSize_reportsTheSizes() {
    String body =
        part("title", null, "Big")
            + part("document", "big.txt", "x".repeat(2000))
            + "--"
            + BOUNDARY
            + "--\r\n";

    String html = client.request("POST", "/upload/").body(body, MULTIPART).send().text();

    assertEquals(
        List.of("Ensure this file has at most 1024 bytes (it has 2000)."),
        listItems(html, "id_document_error"));
    assertTrue(tag(html, "id_title").contains("value=\"Big\""), html);
  }

  @Test
  void fileField_withNoFileChosen_reportsThisFieldIsRequired() {
    String body =
        part("title", null, "Nothing") + part("document", "", "") + "--" + BOUNDARY + "--\r\n";

    String html = client.request("POST", "/upload/").body(body, MULTIPART).send().text();

    assertEquals(List.of("This field is required."), listItems(html, "id_document_error"));
  }

  @Test
  void fileField_postedWithoutMultipart_saysToCheckTheEncoding() {
    String html = client.post("/upload/", Map.of("title", "T", "document", "report.txt")).text();

    assertEquals(
        List.of("No file was submitted. Check the encoding type on the form."),
        listItems(html, "id_document_error"));
  }

  private static String part(String name, String filename, String content) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"")
        + (filename == null ? "" : "\r\nContent-Type: text/plain")
        + "\r\n\r\n"
        + content
        + "\r\n";
  }
}
