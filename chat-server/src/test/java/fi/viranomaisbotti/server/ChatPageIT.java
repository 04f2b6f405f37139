package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup.sh --browser) against the in-process server.
 */
class ChatPageIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  static ServerFixture server;
  static WebDriver browser;
  static Path profile;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and ChromeDriver are not installed; run scripts/setup.sh --browser (./test.sh does)");
    server = new ServerFixture();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** Opens the page as a new visitor: no conversation to resume. */
  private void openFresh() {
    browser.get("http://localhost:" + server.app.port() + "/");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
  }

  private void send(String text) {
    WebElement box = browser.findElement(By.id("message"));
    box.clear();
    box.sendKeys(text);
    browser.findElement(By.id("send")).click();
  }

  @Test
  void aStoryTypedIntoThePageGetsAnOrderedPlanAndQuickRepliesChangeIt() throws Exception {
    openFresh();
    send("Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen ravintolan.");

    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.steps li")));
    String plan = browser.findElement(By.id("plan")).getText();
    assertThat(plan).contains("Rekisteröityminen eläintenpitäjäksi", "Liittyminen luomuvalvontaan", "Ilmoitus elintarvikehuoneistosta");
    assertThat(plan).contains("Riippuu vastauksistasi");
    // Kept for people reviewing the page: target/chat-page.png.
    java.nio.file.Files.copy(
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
        Path.of("target/chat-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    List<WebElement> no = browser.findElements(By.xpath("//div[@id='quick']/button[text()='Ei']"));
    assertThat(no).isNotEmpty();
    int before = browser.findElements(By.cssSelector("#plan li")).size();
    no.get(0).click();
    waiting().until(d -> d.findElements(By.cssSelector("#plan li")).size() != before);
    assertThat(browser.findElements(By.cssSelector(".msg.bot"))).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void aMisspeltWordIsReadAndThePageSaysHow() {
    openFresh();
    send("Avaan ravintlan Tampereelle.");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan .interpretations")));
    assertThat(browser.findElement(By.cssSelector("#plan .interpretations")).getText())
        .isEqualTo("Tulkitsin: ravintlan → ravintolan");
    assertThat(browser.findElement(By.id("plan")).getText()).contains("Ilmoitus elintarvikehuoneistosta");
  }

  @Test
  void scriptInAMessageIsShownAsTextNeverRun() {
    openFresh();
    send("<img src=x onerror=\"document.title='hacked'\"> Avaan kahvilan.");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Tunnistin"));
    assertThat(browser.getTitle()).doesNotContain("hacked");
    assertThat(browser.findElement(By.id("chat")).getText()).contains("<img src=x");
  }

  /**
   * A WebSocket that never connects: each one closes at once, as when the server is gone. Counts
   * how many the page made.
   */
  private static final String FAILING_SOCKET = """
      window.__socketsMade = 0;
      window.WebSocket = function () {
        window.__socketsMade++;
        const s = { readyState: 3, send: function () {}, close: function () {} };
        setTimeout(function () { if (s.onclose) s.onclose({ code: 1006 }); }, 10);
        return s;
      };
      window.WebSocket.OPEN = 1;
      """;

  @Test
  void thePageStopsReconnectingAfterFiveFailedAttemptsAndSaysSoInFinnish() throws Exception {
    ChromeDriver chrome = (ChromeDriver) browser;
    Map<String, Object> added =
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAILING_SOCKET));
    try {
      browser.get("http://localhost:" + server.app.port() + "/");
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "yhdistäminen lopetettiin"));
      Thread.sleep(3_000);

      assertThat(chrome.executeScript("return window.__socketsMade")).isEqualTo(5L);
      assertThat(browser.findElement(By.id("status")).getText()).contains("Yhteyttä palvelimeen ei saatu 5 yrityksellä");
      assertThat(browser.findElement(By.id("chat")).getText()).contains("Palvelimeen ei saada yhteyttä");
      assertThat(browser.findElement(By.id("send")).isEnabled()).isFalse();

      browser.findElement(By.id("reconnect")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> ((Long) chrome.executeScript("return window.__socketsMade")) > 5L);
    } finally {
      chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
    }
  }

  @Test
  void aReloadResumesTheConversationWithItsTokenAndAStoredIdWithoutATokenStartsAfresh() {
    openFresh();
    send("Avaan kahvilan Tampereelle.");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Tunnistin"));
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    assertThat((String) js.executeScript("return sessionStorage.getItem('resumeToken')")).matches("[A-Za-z0-9_-]{43}");

    browser.navigate().refresh();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Avaan kahvilan Tampereelle."));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.bot")));

    js.executeScript("sessionStorage.removeItem('resumeToken')");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.bot")));
    assertThat(browser.findElement(By.id("chat")).getText()).doesNotContain("Avaan kahvilan Tampereelle.");
    assertThat(js.executeScript("return sessionStorage.getItem('conversationId')")).isNull();
  }
}
