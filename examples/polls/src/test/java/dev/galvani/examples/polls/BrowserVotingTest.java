package dev.galvani.examples.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.galvani.core.test.LiveServerExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor votes in a real headless Chromium, driven by the system's chromedriver so Selenium
 * Manager never downloads anything. Skipped when Chromium is not installed, except in CI.
 */
class BrowserVotingTest {
  // snippet:browser-setup
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @RegisterExtension
  static final LiveServerExtension server =
      new LiveServerExtension(() -> TestSites.migratedSettings());

  private static Path profile;
  private static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String missing =
          "Chromium or chromedriver is missing at "
              + CHROMIUM
              + " / "
              + CHROMEDRIVER
              + ": install them with 'apt-get install -y chromium chromium-driver'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    profile = Files.createTempDirectory("polls-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,800",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  // end-snippet

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  // snippet:browser-test
  @Test
  void visitor_votesForAChoice_andSeesTheCountGoUp() {
    browser.get(server.url("/polls/"));
    assertEquals("Polls", browser.getTitle());

    browser.findElement(By.linkText("What's new?")).click();
    waitFor(ExpectedConditions.urlToBe(server.url("/polls/1/")));
    browser.findElement(By.xpath("//label[normalize-space()='The sky']")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Vote']")).click();

    waitFor(ExpectedConditions.urlToBe(server.url("/polls/1/results/")));
    WebElement theSky =
        browser.findElement(By.xpath("//li[span[@class='choice-text' and .='The sky']]"));
    assertEquals("1 vote", theSky.findElement(By.className("votes")).getText());
  }

  // end-snippet

  @Test
  void visitor_submitsWithoutAChoice_andIsAskedToChoose() {
    browser.get(server.url("/polls/2/"));

    browser.findElement(By.xpath("//button[normalize-space()='Vote']")).click();

    waitFor(ExpectedConditions.urlToBe(server.url("/polls/2/vote/")));
    String error = browser.findElement(By.cssSelector("p.error")).getText();
    assertEquals("You didn't select a choice.", error);
    assertTrue(browser.findElements(By.cssSelector("input[type=radio]")).size() == 3);
  }

  private static void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
  }
}
