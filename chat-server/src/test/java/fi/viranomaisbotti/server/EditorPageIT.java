package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Json;
import fi.viranomaisbotti.server.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The knowledge editor ({@code /toimitus}) in a real headless Chromium against the in-process
 * server: an editor changes an answer, previews, publishes, sees the chat and the search answer
 * with the new text and rolls back; a broken rule file is shown with its problem and never goes
 * live; markup in content stays text in the editor, the chat, the adviser console and the map;
 * the unanswered queue is worked with the keyboard alone. Screenshots are kept under
 * target/screenshots.
 */
class EditorPageIT extends ServerIT {
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(ChatPageIT.CHROMIUM) && Files.isExecutable(ChatPageIT.CHROMEDRIVER),
        "Chromium and ChromeDriver are not installed; run scripts/setup.sh --browser (./test.sh does)");
    Accounts.create(server, "eeva.toimittaja", EnumSet.of(Role.EDITOR));
    Accounts.create(server, "sanna.neuvoja", EnumSet.of(Role.ADVISER));
    Files.createDirectories(ChatPageIT.SCREENSHOTS);
    browser = ChatPageIT.newBrowser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  private String url(String path) {
    return "http://localhost:" + server.app.port() + path;
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  private void screenshot(String name) throws Exception {
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        ChatPageIT.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Opens the editor, signing in unless the browser's session is still signed in. The page shows
   * the form only once the server has said there is no session, so exactly one of the two appears.
   */
  private void signInToTheEditor() {
    browser.get(url("/toimitus"));
    waiting().until(d -> d.findElement(By.id("signin")).isDisplayed() || d.findElement(By.id("editor")).isDisplayed());
    if (browser.findElement(By.id("editor")).isDisplayed()) {
      return;
    }
    browser.findElement(By.id("username")).sendKeys("eeva.toimittaja");
    browser.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
    browser.findElement(By.id("signin-button")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));
  }

  private void openItem(String kind, String id) {
    new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
    WebElement q = browser.findElement(By.id("item-q"));
    q.clear();
    q.sendKeys(id, Keys.ENTER);
    waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#items[data-kind='" + kind + "'][data-q='" + id + "'] button[data-id='" + id + "']"))).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-title"), id));
  }

  /** Sets a form field and leaves it, so its change reaches the YAML text. */
  private void setField(String id, String value) {
    WebElement f = browser.findElement(By.id(id));
    f.clear();
    f.sendKeys(value);
    f.sendKeys(Keys.TAB);
  }

  private void save() {
    browser.findElement(By.id("save-item")).click();
  }

  private int liveVersion() throws Exception {
    Accounts.Session s = Accounts.signIn(server, "eeva.toimittaja");
    return ServerFixture.json(Accounts.send(server, s, "GET", "/api/v1/knowledge/versions", null)).path("live").asInt();
  }

  private void publish(String message) {
    WebElement m = browser.findElement(By.id("publish-message"));
    m.clear();
    m.sendKeys(message);
    browser.findElement(By.id("publish")).click();
  }

  private JsonNode answer(String id) throws Exception {
    return ServerFixture.json(server.get("/api/v1/answers/" + id));
  }

  private void accept() {
    waiting().until(ExpectedConditions.alertIsPresent()).accept();
  }

  @Test
  void anEditorChangesAnAnswerPreviewsPublishesSeesItInTheChatAndSearchAndRollsBack() throws Exception {
    String id = "a-lihan-alkuperamaa-ravintolassa";
    String marker = "Alkuperämaan voi kertoa myös taululla kassan vieressä.";
    String before = answer(id).path("text").asText();
    int versionBefore = liveVersion();

    signInToTheEditor();
    openItem("answers", id);
    WebElement text = browser.findElement(By.id("field-citizenText"));
    setField("field-citizenText", text.getAttribute("value") + " " + marker);
    assertThat(browser.findElement(By.id("item-text")).getAttribute("value")).as("the form writes the YAML").contains(marker);
    save();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Tallennettu luonnokseen"));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-changes"), id));
    screenshot("editor-item");

    browser.findElement(By.id("preview")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Esikatselu valmis"));
    assertThat(browser.findElement(By.id("preview-result")).getText()).contains("Esikatselu")
        .containsAnyOf("regressiotilanteen suunnitelma", "Yhdenkään regressiotilanteen");
    screenshot("editor-preview");

    publish("Lihan alkuperämaa: taulu kassan vieressä");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-result"), "Julkaistu versio"));
    assertThat(liveVersion()).isEqualTo(versionBefore + 1);
    assertThat(answer(id).path("text").asText()).contains(marker);

    // The chat asks the answer's question and shows the new text; the search finds it.
    browser.get(url("/"));
    js().executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    browser.findElement(By.id("message")).sendKeys("Pitääkö lihan alkuperämaa kertoa lounaslistassa?");
    browser.findElement(By.id("send")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer-body"), marker));
    JsonNode search = ServerFixture.json(server.get("/api/v1/answers?q="
        + URLEncoder.encode("lihan alkuperämaa ravintolassa", StandardCharsets.UTF_8)));
    assertThat(search.at("/hits/0/id").asText()).isEqualTo(id);
    assertThat(search.at("/hits/0/text").asText()).contains(marker);

    signInToTheEditor();
    waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#versions button[aria-label='Palauta versio " + versionBefore + "']"))).click();
    accept();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Palautettu"));
    screenshot("editor-versions");
    assertThat(liveVersion()).isEqualTo(versionBefore + 2);
    assertThat(answer(id).path("text").asText()).isEqualTo(before).doesNotContain(marker);
  }

  @Test
  void aSignedInEditorWhoReloadsIsNeverOfferedTheSignInForm() {
    signInToTheEditor();
    // Records whether the form was shown at any moment of the next page's life: when the document
    // is parsed (the session check cannot have answered yet) and at every change of its attributes.
    // Submitting a form shown while the check was on its way used to start a second session and
    // redraw every list under the user's pointer.
    ChromeDriver chrome = (ChromeDriver) browser;
    Map<String, Object> watch = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        window.__signinShown = false;
        document.addEventListener("DOMContentLoaded", function () {
          const form = document.getElementById("signin");
          const note = function () { if (!form.hidden) window.__signinShown = true; };
          note();
          new MutationObserver(note).observe(form, { attributes: true });
        });
        """));
    try {
      browser.navigate().refresh();
      waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));
      waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "eeva.toimittaja"));
      assertThat(js().executeScript("return window.__signinShown")).isEqualTo(false);
    } finally {
      chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", watch.get("identifier")));
    }
  }

  @Test
  void aRuleFileWithASyntaxErrorIsShownWithItsProblemAndNothingIsPublished() throws Exception {
    int versionBefore = liveVersion();
    signInToTheEditor();
    new Select(browser.findElement(By.id("kind"))).selectByValue("rules");
    browser.findElement(By.id("browse-button")).click();
    WebElement first = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#items[data-kind='rules'] button[data-id]")));
    String file = first.getAttribute("data-id");
    first.click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-title"), file));
    WebElement text = browser.findElement(By.id("item-text"));
    // An unbalanced parenthesis in the first rule's conditions: the rule keeps its id, statement,
    // example and conclusion, so only the DRL compiler can find what is wrong.
    js().executeScript("arguments[0].value = arguments[0].value.replace(/\\bwhen\\b/, 'when\\n    ((')", text);
    assertThat(text.getAttribute("value")).contains("when\n    ((");
    save();
    waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Tallennettu")
        || !d.findElements(By.cssSelector("#item-problems .problem")).isEmpty());

    publish("Rikkinäinen sääntö");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-result"), "Ei julkaistu"));
    assertThat(browser.findElement(By.id("publish-result")).getText()).as("the problem names the rule file and the line")
        .contains("rules/" + file + ".drl").containsIgnoringCase("line");
    assertThat(browser.findElement(By.id("item-problems")).getText()).as("and stands beside the rule's text")
        .contains("rules/" + file + ".drl");
    assertThat(browser.findElement(By.id("item-text")).getAttribute("aria-invalid")).isEqualTo("true");
    screenshot("editor-drl-error");
    assertThat(liveVersion()).as("nothing was published").isEqualTo(versionBefore);

    browser.findElement(By.id("preview")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-result"), "Luonnosta ei voi julkaista"));
    assertThat(browser.findElements(By.cssSelector("#preview-result .problem"))).isNotEmpty();

    browser.findElement(By.id("discard-draft")).click();
    accept();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Luonnos hylätty"));
  }

  @Test
  void markupInContentStaysTextInTheEditorTheChatTheConsoleAndTheMap() throws Exception {
    String id = "a-allergeenitiedot-ravintolassa";
    String hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    int versionBefore = liveVersion();
    signInToTheEditor();
    openItem("answers", id);
    setField("field-citizenText", browser.findElement(By.id("field-citizenText")).getAttribute("value") + " " + hostile);
    setField("field-officialNotes", "Huomio viranomaisille " + hostile);
    save();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Tallennettu luonnokseen"));
    assertThat(browser.findElement(By.id("item-text")).getAttribute("value")).contains("<img src=x");
    assertThat(browser.findElements(By.cssSelector("#editor img, #editor script"))).isEmpty();

    // The map shows actors: the same markup in an actor's description, through the same API.
    Accounts.Session editor = Accounts.signIn(server, "eeva.toimittaja");
    var prh = Accounts.send(server, editor, "GET", "/api/v1/knowledge/items/actors/prh", null);
    String etag = prh.headers().firstValue("ETag").orElseThrow();
    String yaml = ServerFixture.json(prh).path("text").asText()
        .replaceFirst("(?m)^  description: .*$",
            java.util.regex.Matcher.quoteReplacement("  description: " + Json.write("Kaupparekisteri " + hostile)));
    var put = Accounts.send(server, editor, "PUT", "/api/v1/knowledge/items/actors/prh", Json.write(Map.of("text", yaml)));
    assertThat(put.statusCode()).as("a PUT without If-Match").isEqualTo(428);
    var stored = server.http.send(editor.on(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/knowledge/items/actors/prh")))
        .header("Content-Type", "application/json").header("If-Match", etag)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", yaml)))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    publish("Merkintäkoe");
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish-result"), "Julkaistu versio"));
    assertThat(js().executeScript("return window.__xss === undefined")).isEqualTo(true);

    browser.get(url("/"));
    js().executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    browser.findElement(By.id("message")).sendKeys("Miten allergeenit pitää ilmoittaa ravintolan ruokalistassa?");
    browser.findElement(By.id("send")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer-body"), "<img src=x"));
    assertThat(browser.findElements(By.cssSelector("#answer-body img, #answer-body script"))).isEmpty();
    assertThat(js().executeScript("return window.__xss === undefined")).isEqualTo(true);
    screenshot("editor-xss-chat");

    browser.manage().deleteAllCookies();
    browser.get(url("/neuvoja"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
    browser.findElement(By.id("username")).sendKeys("sanna.neuvoja");
    browser.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
    browser.findElement(By.id("signin-button")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    browser.findElement(By.id("q")).sendKeys("allergeenit ravintolan ruokalistassa", Keys.ENTER);
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), "Huomio viranomaisille <img src=x"));
    assertThat(browser.findElements(By.cssSelector("#hits img, #hits script"))).isEmpty();
    assertThat(js().executeScript("return window.__xss === undefined")).isEqualTo(true);

    browser.get(url("/kartta"));
    waiting().until(d -> !d.findElements(By.cssSelector("#view-list li[data-id='prh'] button")).isEmpty());
    browser.findElement(By.id("tab-list")).click();
    browser.findElement(By.cssSelector("#view-list li[data-id='prh'] button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "Kaupparekisteri <img src=x"));
    assertThat(browser.findElements(By.cssSelector("#details img, #details script, #view-list img"))).isEmpty();
    assertThat(js().executeScript("return window.__xss === undefined")).isEqualTo(true);
    screenshot("editor-xss-map");

    Accounts.send(server, editor, "POST", "/api/v1/knowledge/rollback", "{\"version\": " + versionBefore + "}");
  }

  @Test
  void aStaleSaveShowsBothTextsSideBySideAndNothingIsLost() throws Exception {
    String id = "a-ilotulitus-tapahtumassa";
    signInToTheEditor();
    openItem("answers", id);
    setField("field-meta-owner", "toimitus-eeva");

    // Another editor saves the same answer meanwhile.
    Accounts.Session other = Accounts.signIn(server, "eeva.toimittaja");
    var read = Accounts.send(server, other, "GET", "/api/v1/knowledge/items/answers/" + id, null);
    String theirs = ServerFixture.json(read).path("text").asText().replace("ilotulitteita", "ilotulitteita (toinen toimittaja)");
    var put = server.http.send(other.on(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/knowledge/items/answers/" + id)))
        .header("Content-Type", "application/json").header("If-Match", read.headers().firstValue("ETag").orElseThrow())
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", theirs)))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    save();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
    assertThat(active().getAttribute("id")).isEqualTo("conflict-title");
    assertThat(browser.findElement(By.id("conflict-mine")).getText()).contains("toimitus-eeva").doesNotContain("(toinen toimittaja)");
    assertThat(browser.findElement(By.id("conflict-theirs")).getText()).contains("(toinen toimittaja)").doesNotContain("toimitus-eeva");
    screenshot("editor-conflict");

    browser.findElement(By.id("conflict-take-theirs")).click();
    assertThat(browser.findElement(By.id("item-text")).getAttribute("value")).contains("(toinen toimittaja)");
    setField("field-meta-owner", "toimitus-eeva");
    save();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Tallennettu luonnokseen"));
    String stored = ServerFixture.json(Accounts.send(server, other, "GET", "/api/v1/knowledge/items/answers/" + id, null))
        .path("text").asText();
    assertThat(stored).as("both changes are kept").contains("(toinen toimittaja)", "toimitus-eeva");
  }

  @Test
  void anActorsValidityAndSuccessorAreEditedInTheTableOfActorsOverTime() throws Exception {
    signInToTheEditor();
    browser.findElement(By.id("actors-load")).click();
    WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#actors tr[data-id='valvira']")));
    assertThat(row.findElement(By.cssSelector("input[aria-label$='seuraaja']")).getAttribute("value")).isEqualTo("lupa-ja-valvontavirasto");
    WebElement to = row.findElement(By.cssSelector("input[aria-label$='voimassa asti']"));
    assertThat(to.getAttribute("value")).isEqualTo("2025-12-31");
    js().executeScript("arguments[0].value = '2025-12-30'", to);
    WebElement tasks = row.findElement(By.tagName("textarea"));
    tasks.sendKeys("ruokavirasto: elintarvikkeiden ohjaus");
    row.findElement(By.tagName("button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElement(row.findElement(By.cssSelector("p.field-problem")), "Tallennettu"));
    screenshot("editor-actors");

    Accounts.Session s = Accounts.signIn(server, "eeva.toimittaja");
    JsonNode fields = ServerFixture.json(Accounts.send(server, s, "GET", "/api/v1/knowledge/items/actors/valvira", null)).path("fields");
    assertThat(fields.path("validTo").asText()).isEqualTo("2025-12-30");
    assertThat(fields.path("successor").asText()).isEqualTo("lupa-ja-valvontavirasto");
    assertThat(fields.path("taskSuccessors").toString()).contains("ruokavirasto", "elintarvikkeiden ohjaus");

    WebElement day = browser.findElement(By.id("actors-date"));
    js().executeScript("arguments[0].value = '2026-06-01'; arguments[0].dispatchEvent(new Event('change'))", day);
    assertThat(browser.findElement(By.cssSelector("#actors tr[data-id='valvira']")).getAttribute("class")).contains("inactive");
    assertThat(browser.findElement(By.cssSelector("#actors tr[data-id='valvira'] th")).getText()).contains("ei voimassa");
    Accounts.send(server, s, "DELETE", "/api/v1/knowledge/draft", null);
  }

  @Test
  void theUnansweredQueueIsWorkedWithTheKeyboardAlone() throws Exception {
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      chat.next();
      chat.send(Map.of("type", "message", "text", "Miten rekisteröin kilpakyyhkyn? Olen Matti Meikäläinen."));
    }
    browser.get(url("/toimitus"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
    tabUntil("username");
    new Actions(browser).sendKeys("eeva.toimittaja").sendKeys(Keys.TAB).sendKeys(Accounts.PASSWORD).sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));
    WebElement group = waiting().until(d -> d.findElements(By.cssSelector("#queue li[data-id]")).stream()
        .filter(li -> li.getText().contains("kilpakyyhky")).findFirst().orElse(null));
    assertThat(group.getText()).contains("[NIMI]").doesNotContain("Meikäläinen");
    screenshot("editor-queue");
    String dismiss = "Hylkää: " + group.findElement(By.tagName("h3")).getText();
    for (int i = 0; i < 20 && !"#queue-section".equals(active().getAttribute("data-section")); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    // The page moves the focus once the section is shown (after the click's own focus change).
    waiting().until(d -> "queue-title".equals(active().getAttribute("id")));
    assertThat(active().getAttribute("id")).as("the section link moves the focus").isEqualTo("queue-title");
    for (int i = 0; i < 60 && !dismiss.equals(active().getAttribute("aria-label")); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    assertThat(active().getAttribute("aria-label")).as("reached by Tab").isEqualTo(dismiss);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Hylätty"));
    assertThat(browser.findElement(By.id("queue")).getText()).doesNotContain("kilpakyyhky");
    assertThat(active().getAttribute("id")).as("focus returns to the queue").isEqualTo("queue-title");
  }

  @Test
  void aQueuedQuestionBecomesADraftAnswerInOneStepAndOpensInTheEditor() throws Exception {
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      chat.next();
      chat.send(Map.of("type", "message", "text", "Saako porontaljan myydä torilla? Soita 040 765 4321."));
    }
    signInToTheEditor();
    WebElement group = waiting().until(d -> d.findElements(By.cssSelector("#queue li[data-id]")).stream()
        .filter(li -> li.getText().contains("poronta")).findFirst().orElse(null));
    assertThat(group.getText()).contains("[PUHELIN]").doesNotContain("040 765 4321");
    group.findElement(By.xpath(".//button[starts-with(@aria-label, 'Tee vastaukseksi')]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Luonnokseen lisätty Vastaus"));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-title"), "Vastaus: a-"));
    assertThat(browser.findElement(By.id("item-text")).getAttribute("value"))
        .contains("Saako porontaljan myydä torilla? Soita [PUHELIN].", "status: DRAFT");
    // The draft's list of changes is fetched again after the item opens: wait for it rather than race it.
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-changes"), "lisätty: Vastaus a-"));
    waiting().until(d -> !d.findElement(By.id("queue")).getText().contains("porontalja"));
    Accounts.Session s = Accounts.signIn(server, "eeva.toimittaja");
    Accounts.send(server, s, "DELETE", "/api/v1/knowledge/draft", null);
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }

  private void tabUntil(String id) {
    for (int i = 0; i < 80 && !id.equals(active().getAttribute("id")); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
    }
    assertThat(active().getAttribute("id")).as("reached by Tab").isEqualTo(id);
  }
}
