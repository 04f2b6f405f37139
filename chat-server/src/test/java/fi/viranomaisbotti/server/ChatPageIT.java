package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/setup.sh --browser) against the in-process server. Accessibility is checked with
 * axe-core from its WebJar (no network); screenshots at phone and desktop widths are kept under
 * target/screenshots for people to look at.
 */
class ChatPageIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final String STORY = "Haluan perustaa luomutilan, jossa on sikala, ja tilan yhteyteen ravintolan.";

  static ServerFixture server;
  static WebDriver browser;
  static String axeSource;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and ChromeDriver are not installed; run scripts/setup.sh --browser (./test.sh does)");
    server = new ServerFixture();
    browser = newBrowser();
    Files.createDirectories(SCREENSHOTS);
    try (InputStream axe = ChatPageIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      assertThat(axe).as("axe-core from its WebJar on the test class path").isNotNull();
      axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A Chromium with its own fresh profile: another device, as far as the page can tell. */
  static ChromeDriver newBrowser() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
    return new ChromeDriver(service, options);
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

  /** Waits that look again when the page redraws an element between finding and reading it. */
  private static WebDriverWait waiting(WebDriver on) {
    WebDriverWait wait = new WebDriverWait(on, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  private WebDriverWait waiting() {
    return waiting(browser);
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  /** Opens the page as a new visitor: no conversation to resume, Finnish interface. */
  private void openFresh() {
    browser.manage().window().setSize(new Dimension(1280, 1600));
    browser.get("http://localhost:" + server.app.port() + "/");
    js().executeScript("sessionStorage.clear(); localStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
  }

  private void send(String text) {
    WebElement box = browser.findElement(By.id("message"));
    box.clear();
    box.sendKeys(text);
    browser.findElement(By.id("send")).click();
  }

  private void tellTheStory() {
    openFresh();
    send(STORY);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#phases li[data-step]")));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void screenshot(String name) throws IOException {
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void theSummaryComesFirstAndThePlanIsGroupedByPhaseWithMembershipAdviceApart() throws Exception {
    tellTheStory();

    assertThat(text("situation")).contains("tarvittavaa vaihetta");
    List<WebElement> first = browser.findElements(By.cssSelector("#first li"));
    assertThat(first).hasSizeBetween(3, 5);
    assertThat(text("first")).doesNotContain("neuvontapalvelut", "MTK", "Finnvera");
    assertThat(browser.findElements(By.cssSelector("#quick fieldset.question legend"))).isNotEmpty();
    String plan = text("phases");
    assertThat(plan).contains("Ennen avaamista", "Tarvitaan", "Rekisteröityminen eläintenpitäjäksi",
        "Liittyminen luomuvalvontaan", "Ilmoitus elintarvikehuoneistosta");
    WebElement offered = browser.findElement(By.cssSelector("#phases section.offered"));
    assertThat(offered.getText()).contains("Vapaaehtoista apua", "Maatilan neuvontapalvelut");
    // No concept or item id is shown, and links say what they do.
    assertThat(plan).doesNotContain("proagria-neuvonta", "elaintenpitajarekisteri", "Asiointipalvelu\n");
    assertThat(browser.findElements(By.cssSelector("#phases a.action"))).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getText()).matches("(Hae lupa|Tee ilmoitus|Rekisteröidy|Ota vakuutus|Laadi omavalvonta|Tutustu palveluun|Hoida): .+\\(asiointipalvelu\\)"));

    for (int width : new int[] {390, 1280}) {
      browser.manage().window().setSize(new Dimension(width, 2400));
      Thread.sleep(300);
      screenshot("chat-" + width);
      Files.copy(browser.findElement(By.id("tools")).getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve("chat-tools-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
    browser.manage().window().setSize(new Dimension(1280, 1600));
  }

  @Test
  void aQuestionIsAFieldsetAndAnsweringItSaysWhatChanged() {
    tellTheStory();
    WebElement question = browser.findElement(By.cssSelector("#quick fieldset.question"));
    String legend = question.findElement(By.tagName("legend")).getText();
    assertThat(legend).isNotBlank();
    question.findElement(By.xpath(".//button[text()='Ei']")).click();

    waiting().until(ExpectedConditions.textMatches(By.id("changes"), java.util.regex.Pattern.compile("Suunnitelma muuttui|ei muuttanut")));
    assertThat(text("changes")).matches("(?s)(Suunnitelma muuttui: .*(kohta|kohtaa|lupa|lupaa).*|Vastauksesi ei muuttanut.*)");
    assertThat(text("chat")).contains(legend + " – Ei");
    axeFindsNothingSerious("after answering a question");
  }

  @Test
  void aTickedStepIsStoredWithTheConversationAndOpensOnAnotherDeviceFromTheResumeLink() throws Exception {
    tellTheStory();
    WebElement step = browser.findElements(By.cssSelector("#phases li[data-step]")).get(0);
    String stepId = step.getAttribute("data-step");
    step.findElement(By.cssSelector("input[id^='mark-done-']")).click();
    waiting().until(d -> d.findElement(By.cssSelector("li[data-step='" + stepId + "']")).getAttribute("class").contains("state-done"));

    browser.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-step='" + stepId + "'].state-done")));
    assertThat(browser.findElement(By.id("mark-done-" + stepId)).isSelected()).isTrue();

    String link = browser.findElement(By.id("resume-link")).getAttribute("value");
    assertThat(link).matches("http://localhost:\\d+/\\?jatka=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");
    ChromeDriver other = newBrowser();
    try {
      other.get(link);
      waiting(other).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), STORY));
      waiting(other).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-step='" + stepId + "'].state-done")));
      assertThat(other.getCurrentUrl()).doesNotContain("jatka=");
    } finally {
      other.quit();
    }
  }

  @Test
  void thePlanExportsAsPrintableHtmlMarkdownAndICalendarOnlyWithTheToken() throws Exception {
    tellTheStory();
    String id = (String) js().executeScript("return sessionStorage.getItem('conversationId')");
    String token = (String) js().executeScript("return sessionStorage.getItem('resumeToken')");

    browser.get(browser.findElement(By.id("export-html")).getAttribute("href"));
    assertThat(browser.getTitle()).contains("Suunnitelmasi");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Ennen avaamista", "Ilmoitus elintarvikehuoneistosta", "Kuka:");

    String base = "/api/v1/conversations/" + id + "/plan?token=" + token + "&format=";
    HttpResponse<String> md = server.get(base + "md");
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.body()).startsWith("# Suunnitelmasi").contains("## Ennen avaamista", "- [ ] Ilmoitus elintarvikehuoneistosta");
    HttpResponse<String> ics = server.get(base + "ics");
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VTODO", "STATUS:NEEDS-ACTION").endsWith("END:VCALENDAR\r\n");
    assertThat(ics.body().split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    assertThat(ics.body()).doesNotContain("DUE:");

    HttpResponse<String> none = server.get("/api/v1/conversations/" + id + "/plan?format=md");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("token_required");
    HttpResponse<String> wrong = server.get("/api/v1/conversations/" + id + "/plan?format=md&token=" + "A".repeat(43));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("token_not_accepted");
  }

  @Test
  void feedbackIsStoredWithTheConversationAndItsCommentMasked() {
    tellTheStory();
    browser.findElement(By.id("helpful-no")).click();
    browser.findElement(By.id("feedback-comment")).sendKeys("Soittakaa minulle numeroon 040 1234567, en löytänyt anniskelulupaa.");
    browser.findElement(By.cssSelector("#feedback button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "Kiitos palautteesta"));

    String id = (String) js().executeScript("return sessionStorage.getItem('conversationId')");
    List<Map.Entry<Boolean, String>> stored = server.conversations.feedback(id);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getKey()).isFalse();
    assertThat(stored.get(0).getValue()).contains("anniskelulupaa").doesNotContain("1234567");
  }

  @Test
  void sharingWithAnAdviserNeedsConsentAndGivesACodeTheEngineOpens() {
    tellTheStory();
    browser.findElement(By.id("share")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"), "Hyväksy ensin"));
    browser.findElement(By.id("share-consent")).click();
    browser.findElement(By.id("share")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"), "Anna neuvojalle koodi"));
    String code = text("share-status").replaceAll("(?s).*koodi ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}).*", "$1");
    assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    var service = new fi.viranomaisbotti.engine.conversation.ConversationService(
        server.navigator, server.conversations, java.time.Clock.systemUTC());
    var shared = service.shareFor(code.toLowerCase(java.util.Locale.ROOT));
    assertThat(shared).isPresent();
    assertThat(shared.get().consent().who()).isEqualTo("asiakas");
    assertThat(shared.get().history().get(0).maskedText()).isEqualTo(STORY);
    assertThat(service.shareFor("0000-0000-0000")).isEmpty();
  }

  /** Counts the page's own calls to the answer search, so a test can tell who decided to answer. */
  private static final String COUNT_ANSWER_SEARCHES = """
      window.__answerSearches = 0;
      const fetched = window.fetch;
      window.fetch = function (url) {
        if (String(url).indexOf('/api/v1/answers') >= 0) window.__answerSearches++;
        return fetched.apply(this, arguments);
      };
      """;

  @Test
  void aQuestionIsAnsweredFromTheAnswerBaseByTheServerAndTheSearchBoxFindsAnswers() throws Exception {
    openFresh();
    js().executeScript(COUNT_ANSWER_SEARCHES);
    send("Tarvitseeko kahvila anniskeluluvan?");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answer .answer-card")));
    String answer = text("answer");
    assertThat(answer).contains("Lähde:").containsIgnoringCase("anniskel");
    assertThat(answer).containsAnyOf("tarkistettu", "luonnos, tarkistetaan");
    assertThat(answer).contains("Liittyy:");
    assertThat(js().executeScript("return window.__answerSearches")).as("the page did not search by itself").isEqualTo(0L);
    browser.manage().window().setSize(new Dimension(390, 1600));
    screenshot("chat-answer-390");
    browser.manage().window().setSize(new Dimension(1280, 1600));
    axeFindsNothingSerious("after an answer");

    // No question mark: the reading of the sentence ("paljonko …") makes it a question.
    send("paljonko starttiraha on");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#answer .answer-card"), "tarttiraha"));
    send("Avaan kahvilan Tampereelle.");
    waiting().until(d -> !d.findElement(By.id("answer")).isDisplayed());
    send("Mikä on zyxkvörp qwprt?");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), "ei löytynyt"));
    assertThat(js().executeScript("return window.__answerSearches")).isEqualTo(0L);

    WebElement search = browser.findElement(By.id("search-q"));
    search.sendKeys("starttiraha");
    search.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results .answer-card")));
    assertThat(text("search-results")).containsIgnoringCase("starttiraha");
  }

  @Test
  void theCalendarDatesTheStepsWhoseSourceGivesAPeriodFromTheStartDayTheCustomerGives() throws Exception {
    openFresh();
    send("Perustan taksiyrityksen Tampereelle.");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-step='taksiliikennelupa']")));
    String undated = browser.findElement(By.id("export-ics")).getAttribute("href");
    assertThat(undated).doesNotContain("start=");
    js().executeScript("const f = document.getElementById('start-date'); f.value = '2027-03-01';"
        + " f.dispatchEvent(new Event('change'));");
    String href = browser.findElement(By.id("export-ics")).getAttribute("href");
    assertThat(href).endsWith("&start=2027-03-01");

    HttpResponse<String> ics = server.get(href.substring(href.indexOf("/api/")));
    assertThat(ics.statusCode()).isEqualTo(200);
    fi.viranomaisbotti.server.api.Rfc5545.check(ics.body());
    List<String> todos = fi.viranomaisbotti.server.api.Rfc5545.components(ics.body(), "VTODO");
    // Traficom's estimate of about three weeks for the decision: apply three weeks before the start.
    assertThat(todos).filteredOn(t -> t.contains("UID:taksiliikennelupa-")).singleElement()
        .satisfies(t -> assertThat(t).contains("DUE;VALUE=DATE:20270208", "Arvioitu ajankohta: 8.2.2027"));
    assertThat(todos).filteredOn(t -> !t.contains("UID:taksiliikennelupa-") && !t.contains("UID:yel-vakuutus-"))
        .allSatisfy(t -> assertThat(t).doesNotContain("DUE"));

    HttpResponse<String> bad = server.get(href.substring(href.indexOf("/api/")).replace("start=2027-03-01", "start=1.3.2027"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("bad_date");
  }

  @Test
  void aSwedishCustomerGetsTheQuestionsAndTheReadingOfAMisspeltWordInSwedish() {
    openFresh();
    browser.findElement(By.cssSelector("#languages button[data-lang='sv']")).click();
    send("Avaan ravintlan Tampereelle.");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quick fieldset.question legend")));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan .interpretations"), "Jag tolkade"));
    assertThat(browser.findElement(By.cssSelector("#plan .interpretations")).getText())
        .isEqualTo("Jag tolkade: ravintlan → ravintolan");
    assertThat(text("chat")).as("the reply in Swedish").contains("Jag kände igen: ");
    waiting().until(d -> d.findElements(By.cssSelector("#quick legend")).stream()
        .anyMatch(l -> l.getAttribute("textContent").startsWith("Tänker du servera alkoholdrycker")));
    List<WebElement> legends = browser.findElements(By.cssSelector("#quick legend"));
    assertThat(legends).allSatisfy(l -> assertThat(l.getDomAttribute("lang")).as(l.getAttribute("textContent")).isNull());
    axeFindsNothingSerious("questions in Swedish");

    browser.findElement(By.cssSelector("#languages button[data-lang='en']")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#plan .interpretations"), "I read"));
  }

  @Test
  void theLanguageSwitchAndASwedishStoryGiveTheInterfaceInSwedishWithAWayForward() throws Exception {
    openFresh();
    browser.findElement(By.cssSelector("#languages button[data-lang='sv']")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
    assertThat(text("send")).isEqualTo("Skicka");
    browser.findElement(By.cssSelector("#languages button[data-lang='fi']")).click();
    assertThat(text("send")).isEqualTo("Lähetä");

    openFresh();

    send("Jag vill öppna ett kafé i Helsingfors och anställa två personer.");
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#examples button")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
    assertThat(text("examples")).contains("skriv på finska");
    browser.findElement(By.xpath("//div[@id='examples']/button[text()='Jag öppnar ett kafé']")).click();

    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#phases li[data-step]")));
    assertThat(text("summary-title")).isEqualTo("Sammanfattning");
    assertThat(text("plan")).contains("Före öppningen", "Behövs");
    assertThat(text("language-note")).contains("på finska");
    screenshot("chat-sv-1280");
    assertThat(text("chat").split("Jag förstår ännu bara finska", -1)).as("the reply is said once").hasSize(2);

    browser.findElement(By.cssSelector("#languages button[data-lang='en']")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("quick"), "Will you serve alcoholic drinks over 2.8 % alcohol by volume?"));
    assertThat(text("plan")).contains("Before opening");
  }

  @Test
  void thePageHasNoSeriousAccessibilityViolationsEmptyOrAfterAStory() throws Exception {
    openFresh();
    axeFindsNothingSerious("the empty page");
    send(STORY);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#phases li[data-step]")));
    axeFindsNothingSerious("after a story");
  }

  @Test
  void aKeyboardAloneTellsTheStoryAndAnswersAQuestion() {
    openFresh();
    Actions keys = new Actions(browser);
    for (int i = 0; i < 20 && !"message".equals(activeId()); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(activeId()).isEqualTo("message");
    keys.sendKeys("Avaan kahvilan Tampereelle.").sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#quick fieldset.question button")));

    int messages = browser.findElements(By.cssSelector(".msg.bot")).size();
    for (int i = 0; i < 80 && !Boolean.TRUE.equals(js().executeScript(
        "return !!document.activeElement.closest('#quick fieldset.question') && document.activeElement.tagName === 'BUTTON'")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    String focused = (String) js().executeScript("return document.activeElement.textContent");
    assertThat(focused).isIn("Kyllä", "Ei");
    keys.sendKeys(Keys.ENTER).perform();
    waiting().until(d -> d.findElements(By.cssSelector(".msg.bot")).size() > messages);
    assertThat(text("changes")).isNotBlank();
  }

  private String activeId() {
    return (String) js().executeScript("return document.activeElement && document.activeElement.id");
  }

  /** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails on serious or critical violations. */
  @SuppressWarnings("unchecked")
  private void axeFindsNothingSerious(String when) {
    js().executeScript(axeSource);
    Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done({violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))}))"
            + ".catch(e => done({violations: ['axe failed: ' + e]}));");
    assertThat((List<String>) result.get("violations")).as("serious or critical axe violations on " + when).isEmpty();
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
    assertThat(text("chat")).contains("<img src=x");
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
    browser.get("http://localhost:" + server.app.port() + "/");
    js().executeScript("sessionStorage.clear(); localStorage.clear()");
    Map<String, Object> added =
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAILING_SOCKET));
    try {
      browser.get("http://localhost:" + server.app.port() + "/");
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "yhdistäminen lopetettiin"));
      Thread.sleep(3_000);

      assertThat(chrome.executeScript("return window.__socketsMade")).isEqualTo(5L);
      assertThat(text("status")).contains("Yhteyttä palvelimeen ei saatu 5 yrityksellä");
      assertThat(text("chat")).contains("Palvelimeen ei saada yhteyttä");
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
    assertThat((String) js().executeScript("return sessionStorage.getItem('resumeToken')")).matches("[A-Za-z0-9_-]{43}");

    browser.navigate().refresh();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Avaan kahvilan Tampereelle."));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.bot")));

    js().executeScript("sessionStorage.removeItem('resumeToken')");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.bot")));
    assertThat(text("chat")).doesNotContain("Avaan kahvilan Tampereelle.");
    assertThat(js().executeScript("return sessionStorage.getItem('conversationId')")).isNull();
  }
}
