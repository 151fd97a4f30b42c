package dev.galvani.core.forms;

import static dev.galvani.core.urls.Urls.path;

import dev.galvani.core.Env;
import dev.galvani.core.Galvani;
import dev.galvani.core.Secret;
import dev.galvani.core.Settings;
import dev.galvani.core.http.Request;
import dev.galvani.core.http.Response;
import dev.galvani.core.http.UploadedFile;
import dev.galvani.core.urls.Route;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A site with form views, shared by the forms tests. */
final class FormSite {
  private FormSite() {}

  static Settings settings() {
    Settings settings = new Settings(new Env(Map.of(), Map.of()));
    settings
        .secretKey(Secret.of("forms-test-secret-key-with-enough-length-and-variety-0123456789"))
        .rootUrls(FormSite::routes)
        .staticRoot(Path.of("target", "no-static-root"));
    return settings;
  }

  static Galvani galvani() {
    return new Galvani(settings());
  }

  static List<Route> routes() {
    return List.of(
        path("signup/", FormSite::signup, "signup"),
        path("search/", FormSite::search, "search"),
        path("upload/", FormSite::upload, "upload"),
        path("everything/", FormSite::everything, "everything"));
  }

  // snippet:declare
  static final Field<String> NAME = Fields.text("name").maxLength(100);
  static final Field<String> EMAIL = Fields.email("email").helpText("We never share it.");
  static final Field<Integer> AGE = Fields.integer("age").min(0).max(150).optional();
  static final Field<String> PASSWORD = Fields.password("password").minLength(8);
  static final Field<String> CONFIRM = Fields.password("confirm").label("Password again");
  static final Field<String> PLAN =
      Fields.choice("plan", List.of(Choice.of("free", "Free"), Choice.of("pro", "Pro")))
          .initial("free");
  static final Field<Boolean> TERMS = Fields.checkbox("terms").label("I accept the terms");

  static final Form SIGNUP =
      Form.of(NAME, EMAIL, AGE, PASSWORD, CONFIRM, PLAN, TERMS)
          .validator(
              form -> {
                if (!form.value(PASSWORD).equals(form.value(CONFIRM))) {
                  form.addError(CONFIRM, "The two passwords differ.");
                }
                if (form.value(NAME).equalsIgnoreCase("admin")) {
                  form.addError("That name is reserved.");
                }
              });

  // end-snippet

  // snippet:signup-view
  static Response signup(Request request) {
    if (!request.method().equals("POST")) {
      return Response.render(request, "formtest/signup.html", Map.of("form", SIGNUP.unbound()));
    }
    BoundForm form = SIGNUP.bind(request);
    if (!form.isValid()) {
      return Response.render(request, "formtest/signup.html", Map.of("form", form)).withStatus(400);
    }
    String name = form.value(NAME);
    Optional<Integer> age = form.optionalValue(AGE);
    return Response.text(
        "Welcome "
            + name
            + " ("
            + form.value(EMAIL)
            + "), age "
            + age.map(String::valueOf).orElse("unknown")
            + ", plan "
            + form.value(PLAN));
  }

  // end-snippet

  // snippet:search
  static final Field<String> QUERY = Fields.text("q").label("Search").optional();
  static final Field<Integer> PAGE = Fields.integer("page").min(1).optional();
  static final Form SEARCH = Form.of(QUERY, PAGE);

  static Response search(Request request) {
    BoundForm form = request.query().size() == 0 ? SEARCH.unbound() : SEARCH.bind(request);
    String results =
        form.isValid()
            ? "Results for \""
                + form.value(QUERY)
                + "\", page "
                + form.optionalValue(PAGE).orElse(1)
            : "";
    return Response.render(
        request, "formtest/search.html", Map.of("form", form, "results", results));
  }

  // end-snippet

  // snippet:upload
  static final Field<String> TITLE = Fields.text("title");
  static final Field<UploadedFile> DOCUMENT = Fields.file("document").maxSize(1024);
  static final Form UPLOAD = Form.of(TITLE, DOCUMENT);

  static Response upload(Request request) {
    BoundForm form = request.method().equals("POST") ? UPLOAD.bind(request) : UPLOAD.unbound();
    if (!form.isValid()) {
      return Response.render(request, "formtest/page.html", Map.of("form", form));
    }
    UploadedFile document = form.value(DOCUMENT);
    return Response.text(
        form.value(TITLE)
            + ": "
            + document.filename()
            + ", "
            + document.size()
            + " bytes, starting "
            + new String(document.bytes(), 0, 5, StandardCharsets.UTF_8));
  }

  // end-snippet

  static final Field<BigDecimal> PRICE =
      Fields.decimal("price").maxDigits(6).decimalPlaces(2).optional();
  static final Field<LocalDate> DAY = Fields.date("day").optional();
  static final Field<LocalDateTime> STARTS = Fields.dateTime("starts").optional();
  static final Field<LocalTime> ALARM = Fields.time("alarm").optional();
  static final Field<String> HOMEPAGE = Fields.url("homepage").optional();
  static final Field<List<String>> TOPICS =
      Fields.multipleChoice(
              "topics",
              List.of(Choice.of("java", "Java"), Choice.of("web", "Web"), Choice.of("db", "DB")))
          .optional();
  static final Field<String> NEXT = Fields.hidden("next").initial("/home/").optional();
  static final Field<String> BIO = Fields.textarea("bio").optional();
  static final Field<Boolean> NEWSLETTER = Fields.checkbox("newsletter").optional();
  static final Form EVERYTHING =
      Form.of(PRICE, DAY, STARTS, ALARM, HOMEPAGE, TOPICS, NEXT, BIO, NEWSLETTER);

  /** Shows the form, or the typed values with their Java types when valid. */
  static Response everything(Request request) {
    BoundForm form =
        request.method().equals("POST") ? EVERYTHING.bind(request) : EVERYTHING.unbound();
    if (!form.isValid()) {
      return Response.render(request, "formtest/page.html", Map.of("form", form));
    }
    StringBuilder text = new StringBuilder();
    for (Field<?> field : EVERYTHING.fields()) {
      Optional<?> value = form.optionalValue(field);
      text.append(field.name())
          .append('=')
          .append(value.map(FormSite::describe).orElse("-"))
          .append('\n');
    }
    return Response.text(text.toString());
  }

  private static String describe(Object value) {
    return (value instanceof List ? "List" : value.getClass().getSimpleName()) + ":" + value;
  }

  /** A valid signup submission, with {@code name, value} pairs replacing fields. */
  static Map<String, String> validSignup(String... overrides) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "Ada");
    form.put("email", "ada@example.com");
    form.put("age", "36");
    form.put("password", "analytical-engine");
    form.put("confirm", "analytical-engine");
    form.put("plan", "pro");
    form.put("terms", "on");
    for (int i = 0; i < overrides.length; i += 2) {
      form.put(overrides[i], overrides[i + 1]);
    }
    return form;
  }
}
