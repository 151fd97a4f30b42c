package dev.galvani.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.galvani.core.checks.CheckMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAndChecksTest {
  // snippet:site-settings
  /** A site's settings class, as a user writes it. */
  static final class SiteSettings extends Settings {
    SiteSettings(Env env) {
      super(env);
      debug(env().bool("DEBUG", false));
      secretKey(env().secret("SECRET_KEY"));
      allowedHosts(env().list("ALLOWED_HOSTS", "localhost,127.0.0.1"));
      maxFormFields(env().integer("MAX_FORM_FIELDS", 1000));
      rootUrls(TestSite::routes);
    }
  }

  // end-snippet

  @Test
  void env_overridesDefaultsAndRealVariablesWinOverDotenv(@TempDir Path dir) throws IOException {
    // snippet:dotenv
    Path dotenv = dir.resolve(".env");
    Files.writeString(
        dotenv,
        "# development\nDEBUG=true\nSECRET_KEY=\"from-dotenv\"\nexport ALLOWED_HOSTS=a.com, b.com\n");
    Env env = new Env(Map.of("SECRET_KEY", "from-environment"), Env.readDotenv(dotenv));
    SiteSettings settings = new SiteSettings(env);
    assertTrue(settings.debug());
    assertEquals("from-environment", settings.secretKey().reveal());
    assertEquals(List.of("a.com", "b.com"), settings.allowedHosts());
    // end-snippet
  }

  @Test
  void env_malformedValue_failsAtStartupNamingTheVariable() {
    Env env = new Env(Map.of("DEBUG", "maybe", "SECRET_KEY", "x"), Map.of());
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new SiteSettings(env));
    assertTrue(error.getMessage().contains("DEBUG must be true or false, not 'maybe'"));
    Env number = new Env(Map.of("MAX_FORM_FIELDS", "lots", "SECRET_KEY", "x"), Map.of());
    assertThrows(ImproperlyConfigured.class, () -> new SiteSettings(number));
  }

  @Test
  void env_missingRequiredSecret_failsAtStartup() {
    ImproperlyConfigured error =
        assertThrows(
            ImproperlyConfigured.class, () -> new SiteSettings(new Env(Map.of(), Map.of())));
    assertTrue(error.getMessage().contains("SECRET_KEY is not set"), error.getMessage());
  }

  @Test
  void emptySecretKey_failsTheStartupCheck() {
    Settings settings = TestSite.settings().secretKey(Secret.of(""));
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("core.E002"), error.getMessage());
    assertTrue(error.getMessage().contains("Fix:"), error.getMessage());
  }

  @Test
  void badStaticUrl_failsTheStartupCheck() {
    Settings settings = TestSite.settings().staticUrl("static");
    ImproperlyConfigured error =
        assertThrows(ImproperlyConfigured.class, () -> new Galvani(settings));
    assertTrue(error.getMessage().contains("core.E003"), error.getMessage());
  }

  @Test
  void unknownLogFormat_failsTheStartupCheck_jsonAndTextPass() {
    ImproperlyConfigured error =
        assertThrows(
            ImproperlyConfigured.class,
            () -> new Galvani(TestSite.settings(Map.of("LOG_FORMAT", "xml"))));
    assertTrue(
        error.getMessage().contains("core.E004 (ERROR) LOG_FORMAT 'xml' is not one of text, json"),
        error.getMessage());
    for (String format : List.of("json", "text")) {
      try (Galvani galvani = new Galvani(TestSite.settings(Map.of("LOG_FORMAT", format)))) {
        assertTrue(galvani.check(false).stream().noneMatch(m -> m.id().equals("core.E004")));
      }
    }
  }

  @Test
  void deployChecks_flagDebugWeakKeyAndOpenHosts() {
    Settings settings =
        TestSite.settings()
            .debug(true)
            .secretKey(Secret.of("insecure-short"))
            .allowedHosts(List.of("*"));
    List<String> ids = new Galvani(settings).check(true).stream().map(CheckMessage::id).toList();
    assertTrue(
        ids.containsAll(List.of("security.W018", "security.W009", "security.W020")),
        ids.toString());
    List<String> startupOnly =
        new Galvani(settings).check(false).stream().map(CheckMessage::id).toList();
    assertFalse(startupOnly.contains("security.W018"));
  }

  @Test
  void appChecks_runAtStartupAndStopTheSiteOnError() {
    // snippet:app-check
    App broken =
        new App() {
          @Override
          public String name() {
            return "payments";
          }

          @Override
          public List<dev.galvani.core.checks.Check> checks() {
            return List.of(
                galvani ->
                    List.of(
                        CheckMessage.error(
                            "payments.E001", "PAYMENTS_URL is not set", "set PAYMENTS_URL")));
          }
        };
    ImproperlyConfigured error =
        assertThrows(
            ImproperlyConfigured.class, () -> new Galvani(TestSite.settings().apps(broken)));
    assertTrue(error.getMessage().contains("payments.E001 (ERROR) PAYMENTS_URL is not set"));
    // end-snippet
  }

  @Test
  void describe_masksSecrets() {
    // snippet:describe
    Settings settings =
        TestSite.settings().set(dev.galvani.core.http.Key.of("API_TOKEN", String.class), "tok");
    Map<String, String> shown = settings.describe();
    assertEquals("********", shown.get("SECRET_KEY"));
    assertEquals("********", shown.get("API_TOKEN"));
    assertEquals("false", shown.get("DEBUG"));
    // end-snippet
    assertFalse(String.valueOf(Secret.of("hunter2")).contains("hunter2"));
  }
}
