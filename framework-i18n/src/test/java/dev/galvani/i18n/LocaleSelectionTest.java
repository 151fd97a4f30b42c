package dev.galvani.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.Galvani;
import dev.galvani.core.test.TestClient;
import dev.galvani.core.test.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LocaleMiddleware's order (URL, cookie, Accept-Language, default), set-language and templates. */
class LocaleSelectionTest {
  private final Galvani galvani = I18nSite.site();
  private final TestClient client = new TestClient(galvani);

  @AfterEach
  void close() {
    galvani.close();
  }

  private TestResponse get(String path, String acceptLanguage) {
    return client.request("GET", path).header("Accept-Language", acceptLanguage).send();
  }

  @Test
  void theUrlPrefix_winsOverCookieAndHeader() {
    client.cookie("galvani_language", "fr");
    TestResponse page = get("/de/polls/", "ru");
    assertTrue(page.text().contains("<h1>Neueste Umfragen</h1>"), page.text());
    assertEquals("de", page.header("Content-Language").orElseThrow());
    assertTrue(page.header("Vary").orElse("").isEmpty(), "the URL alone decided");
  }

  @Test
  void withoutPrefix_theCookieWins_thenAcceptLanguageByQ_thenTheDefault() {
    assertEquals("Latest polls / en", client.get("/plain/").text());
    TestResponse byHeader = get("/plain/", "ru;q=0.5, fr;q=0.9, de;q=0.1");
    assertEquals("Derniers sondages / fr", byHeader.text());
    assertEquals("Accept-Language, Cookie", byHeader.header("Vary").orElseThrow());
    assertEquals("Neueste Umfragen / de-at", get("/plain/", "de-AT").text());
    assertEquals("Neueste Umfragen / de", get("/plain/", "de-CH, en;q=0.5").text(), "de-ch -> de");
    assertEquals("Latest polls / en", get("/plain/", "ja, *;q=0.5").text());
    client.cookie("galvani_language", "ru");
    assertEquals("Latest polls / ru", get("/plain/", "fr").text());
    client.cookie("galvani_language", "x".repeat(1000));
    assertEquals("Derniers sondages / fr", get("/plain/", "fr").text(), "a long cookie is ignored");
  }

  @Test
  void hugeHeadersAndCodes_areHandledFast() {
    String huge = "de-" + "x".repeat(500_000) + ", fr;q=0.9";
    String many = "xx;q=0.1, ".repeat(50_000) + "fr";
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/plain/", huge).status());
            assertEquals(200, get("/plain/", many).status());
            assertEquals(List.of(), LocaleMiddleware.acceptLanguage("y".repeat(1000)));
          }
        });
    assertEquals(
        "Latest polls / en", get("/plain/", huge).text(), "only the first 500 chars count");
  }

  @Test
  void reverse_fillsInTheActiveLanguage_andAnUnprefixedPathRedirects() {
    assertTrue(get("/de/polls/", "en").text().contains("href=\"/de/polls/7/\""));
    assertTrue(get("/fr/polls/", "en").text().contains("href=\"/fr/polls/7/\""));
    TestResponse redirect =
        client
            .followRedirects(false)
            .request("GET", "/polls/?votes=2")
            .header("Accept-Language", "fr")
            .send();
    assertEquals(302, redirect.status());
    assertEquals("/fr/polls/?votes=2", redirect.header("Location").orElseThrow());
    assertEquals(404, get("/xx/polls/", "de").status(), "an unknown prefix is not a language");
    assertEquals("/en/polls/7/", galvani.reverse("detail", 7), "no request: the default language");
    try (var scope = I18n.activate(Translation.identity("fr"))) {
      assertEquals("/fr/polls/7/", galvani.reverse("detail", 7));
    }
  }

  @Test
  void templates_translatePluralsContextsAndParameters() {
    String german = get("/de/polls/?votes=1", "en").text();
    assertTrue(german.contains("<p>1 Stimme</p>"), german);
    assertTrue(german.contains("<p>Mai</p>"), german);
    assertTrue(german.contains("<p>Hallo, Ada!</p>"), german);
    assertTrue(german.contains("lang=\"de\""), german);
    String russian = get("/ru/polls/?votes=22", "en").text();
    assertTrue(russian.contains("<p>22 голоса</p>"), russian);
    assertTrue(get("/ru/polls/?votes=25", "en").text().contains("<p>25 голосов</p>"));
    assertTrue(get("/en/polls/?votes=1", "en").text().contains("<p>1 vote</p>"));
  }

  @Test
  void formats_followTheLanguage_andTimesTheVisitorsZone() {
    String english = get("/en/polls/", "en").text();
    assertTrue(english.contains("<p id=\"number\">1,234.50</p>"), english);
    assertTrue(english.contains("<p id=\"money\">€1,234.50</p>"), english);
    assertTrue(english.contains("<p id=\"date\">Jan 5, 2026</p>"), english);
    String german = get("/de/polls/", "en").text();
    assertTrue(german.contains("<p id=\"number\">1.234,50</p>"), german);
    assertTrue(german.contains("<p id=\"money\">1.234,50\u00a0€</p>"), german);
    assertTrue(german.contains("<p id=\"date\">05.01.2026</p>"), german);
    assertTrue(german.contains("<p id=\"time\">05.01.2026, 14:04</p>"), german);
    String french = get("/fr/polls/", "en").text();
    assertTrue(french.contains("<p id=\"number\">1\u202f234,50</p>"), french);
    assertTrue(french.contains("<p id=\"date\">5 janv. 2026</p>"), french);
    client.cookie("galvani_timezone", "Europe/Berlin");
    assertTrue(get("/de/polls/", "en").text().contains("<p id=\"time\">05.01.2026, 15:04</p>"));
    client.cookie("galvani_timezone", "Mars/Olympus");
    assertTrue(get("/de/polls/", "en").text().contains("<p id=\"time\">05.01.2026, 14:04</p>"));
  }

  @Test
  void frameworkStrings_comeInGermanFrenchAndSpanish() {
    assertEquals("Dieses Feld ist zwingend erforderlich.", get("/form/", "de").text());
    assertEquals("Ce champ est obligatoire.", get("/form/", "fr").text());
    assertEquals(
        "Asegúrese de que este valor sea menor o igual a 10.", get("/form/?votes=11", "es").text());
    assertEquals(
        "Ensure this value is less than or equal to 10.", get("/form/?votes=11", "ru").text());
    TestResponse missing = get("/nowhere/", "fr");
    assertEquals(404, missing.status());
    assertTrue(missing.text().contains("Page introuvable"), missing.text());
    assertTrue(missing.text().contains("<html lang=\"fr\">"), missing.text());
  }

  @Test
  void forms_readLocalizedInput_andShowLazyLabelsInTheRequestsLanguage() {
    assertEquals(
        "Betrag=1234.5 Tag=2026-01-05",
        get("/localized/?amount=1.234,5&day=05.01.2026", "de").text());
    assertEquals(
        "Betrag=1234.5 Tag=2026-01-05",
        get("/localized/?amount=1234.5&day=2026-01-05", "de").text(),
        "the plain forms HTML inputs send still work");
    assertEquals(
        "Amount=1234.5 Day=2026-01-05", get("/localized/?amount=1234.5&day=1/5/26", "en").text());
    assertEquals(
        "Amount=0.5 Day=2026-01-05", get("/localized/?amount=0,5&day=05/01/2026", "fr").text());
    TestResponse wrong = get("/localized/?amount=1,5&day=2026-01-05", "en");
    assertEquals(400, wrong.status(), "a comma is no decimal point in English");
    assertTrue(wrong.text().contains("Enter a number."), wrong.text());
    assertTrue(
        get("/localized/?amount=x&day=gestern", "de")
            .text()
            .contains("Bitte ein gültiges Datum eingeben."));
  }

  @Test
  void setLanguage_storesTheCookie_movesTheNextUrlsPrefix_andRefusesUnsafeTargets() {
    TestClient browser = new TestClient(galvani).followRedirects(false);
    TestResponse changed =
        browser.post("/i18n/setlang/", Map.of("language", "fr", "next", "/de/polls/?votes=2"));
    assertEquals(302, changed.status());
    assertEquals("/fr/polls/?votes=2", changed.header("Location").orElseThrow());
    assertEquals("fr", browser.cookies().get("galvani_language"));
    assertEquals("Derniers sondages / fr", browser.get("/plain/").text());
    TestResponse unsafe =
        browser.post("/i18n/setlang/", Map.of("language", "de", "next", "https://evil.example/"));
    assertEquals("/", unsafe.header("Location").orElseThrow());
    browser.post("/i18n/setlang/", Map.of("language", "klingon", "next", "/plain/"));
    assertEquals("de", browser.cookies().get("galvani_language"), "an unknown language: no change");
    assertEquals(405, browser.get("/i18n/setlang/").status());
    TestResponse fromReferer =
        browser
            .request("POST", "/i18n/setlang/")
            .header("Referer", "http://localhost/de/polls/?votes=1")
            .form(Map.of("language", "fr"))
            .send();
    assertEquals("/fr/polls/?votes=1", fromReferer.header("Location").orElseThrow());
  }
}
