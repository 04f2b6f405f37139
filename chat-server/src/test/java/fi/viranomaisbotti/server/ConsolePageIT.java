package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.server.web.Role;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The adviser console ({@code /neuvoja}) and the citizen's chat in a real headless Chromium against
 * the in-process server: signing in, official notes in the search, a handoff from the chat answered
 * from the console, keyboard-only use, the lockout and a citizen's markup shown as text.
 */
class ConsolePageIT extends ServerIT {
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(ChatPageIT.CHROMIUM) && Files.isExecutable(ChatPageIT.CHROMEDRIVER),
        "Chromium and ChromeDriver are not installed; run scripts/setup.sh --browser (./test.sh does)");
    Accounts.create(server, "sanna.neuvoja", EnumSet.of(Role.ADVISER));
    Accounts.create(server, "unohtelias", EnumSet.of(Role.ADVISER));
    Accounts.create(server, "paula.yllapito", EnumSet.of(Role.ADMIN));
    browser = ChatPageIT.newBrowser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOutInOneTab() {
    String first = browser.getWindowHandles().iterator().next();
    for (String handle : browser.getWindowHandles()) {
      if (!handle.equals(first)) {
        browser.switchTo().window(handle).close();
      }
    }
    browser.switchTo().window(first);
    browser.manage().deleteAllCookies();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private String url(String path) {
    return "http://localhost:" + server.app.port() + path;
  }

  private void openConsole() {
    browser.get(url("/neuvoja"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
  }

  private void signIn(String username, String password) {
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("signin-button")).click();
  }

  @Test
  void anAdviserSignsInAndTheSearchShowsTheOfficialNotesWithHighlightedPassages() {
    openConsole();
    signIn("sanna.neuvoja", Accounts.PASSWORD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    assertThat(browser.findElement(By.id("who")).getText()).contains("sanna.neuvoja");
    browser.findElement(By.id("q")).sendKeys("anniskeluluvan hakeminen", Keys.ENTER);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit .official")));
    assertThat(browser.findElement(By.cssSelector("#hits .hit .official")).getText()).startsWith("Viranomaisille:").hasSizeGreaterThan(20);
    assertThat(browser.findElements(By.cssSelector("#hits .hit mark"))).isNotEmpty();
    assertThat(server.backend.audit().latest("sanna.neuvoja", 10)).anySatisfy(e -> assertThat(e.action()).isEqualTo("search_official"));
  }

  @Test
  void theConsoleCanBeUsedWithTheKeyboardAlone() {
    openConsole();
    tabUntil("username");
    new Actions(browser).sendKeys("sanna.neuvoja").sendKeys(Keys.TAB).sendKeys(Accounts.PASSWORD).sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    waiting().until(d -> "q".equals(active().getAttribute("id")));
    new Actions(browser).sendKeys("anniskelulupa").sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hits .hit")));

    tabUntil("story");
    new Actions(browser).sendKeys("Avaan kahvilan Tampereelle ja myyn siellä olutta.").sendKeys(Keys.TAB).perform();
    assertThat(active().getAttribute("id")).isEqualTo("analyse");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#situation ol.steps li")));
    tabUntil("export");
    assertThat(active().isEnabled()).isTrue();
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

  @Test
  void repeatedWrongPasswordsLockTheAccount() {
    openConsole();
    for (int i = 0; i < 5; i++) {
      browser.findElement(By.id("password")).clear();
      signIn("unohtelias", "väärä salasana " + i);
      int attempt = i;
      waiting().until(d -> !d.findElement(By.id("signin-error")).getText().isEmpty()
          && (attempt < 4 || d.findElement(By.id("signin-error")).getText().contains("lukittu")));
      if (i < 4) {
        assertThat(browser.findElement(By.id("signin-error")).getText()).isEqualTo("Väärä käyttäjätunnus tai salasana.");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('signin-error').textContent = ''");
      }
    }
    assertThat(browser.findElement(By.id("signin-error")).getText()).contains("lukittu");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('signin-error').textContent = ''");
    signIn("unohtelias", Accounts.PASSWORD);
    waiting().until(d -> !d.findElement(By.id("signin-error")).getText().isEmpty());
    assertThat(browser.findElement(By.id("signin-error")).getText()).as("even the right password while locked").contains("lukittu");
    assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();
  }

  @Test
  void anAdviserTakesAHandoffAndTheReplyAppearsOnTheCitizensPageWhileTheCitizensMarkupStaysText() {
    String citizenTab = browser.getWindowHandle();
    browser.get(url("/"));
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    String hostile = "Avaan kahvilan Tampereella <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    browser.findElement(By.id("message")).sendKeys(hostile);
    browser.findElement(By.id("send")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan ol.steps, #plan ul.steps")));
    browser.findElement(By.id("handoff-ask")).click();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("handoff-consent"))).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "jonossa"));

    browser.switchTo().newWindow(WindowType.TAB);
    openConsole();
    signIn("sanna.neuvoja", Accounts.PASSWORD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    WebElement item = waiting().until(d -> d.findElements(By.cssSelector("#handoffs li.handoff")).stream()
        .filter(li -> li.getText().contains("kahvilan")).findFirst().orElse(null));
    assertThat(item.getText()).as("the citizen's markup is shown as text").contains("<img");
    item.findElement(By.cssSelector("button.claim")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("transcript")));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "<script>"));
    assertThat(browser.findElements(By.cssSelector("#transcript img, #handoffs img, #transcript script"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);

    WebElement reply = waiting().until(ExpectedConditions.elementToBeClickable(By.id("reply")));
    reply.sendKeys("Hei, olen neuvoja Sanna. Kahvilaan tarvitset elintarvikehuoneiston ilmoituksen.");
    browser.findElement(By.id("reply-button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("transcript"), "Kahvilaan tarvitset"));

    browser.switchTo().window(citizenTab);
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Neuvoja liittyi keskusteluun."));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#chat .msg.adviser"),
        "Kahvilaan tarvitset elintarvikehuoneiston ilmoituksen."));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void contactDetailsLeftWithAHandoffAreShownOnlyOnceTheAdviserClaimsIt() throws Exception {
    try (SocketClient citizen = new SocketClient(server.http, server.app.port(), null)) {
      citizen.next();
      citizen.send(java.util.Map.of("type", "message", "text", "Perustan kukkakaupan Porvooseen."));
      JsonNode queued = citizen.send(java.util.Map.of("type", "handoff", "consent", true,
          "contact", java.util.Map.of("phone", "050 765 4321", "email", "kukka.kauppias@example.fi")));
      assertThat(queued.path("contactLeft").asBoolean()).isTrue();
    }
    openConsole();
    signIn("sanna.neuvoja", Accounts.PASSWORD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    WebElement item = waiting().until(d -> d.findElements(By.cssSelector("#handoffs li.handoff")).stream()
        .filter(li -> li.getText().contains("kukkakaupan")).findFirst().orElse(null));
    assertThat(item.getText()).contains("Jätti yhteystiedot").doesNotContain("765 4321", "0507654321", "kukka.kauppias");
    item.findElement(By.cssSelector("button.claim")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-contact")));
    assertThat(browser.findElement(By.id("handoff-contact")).getText())
        .isEqualTo("Yhteystiedot: puhelin 0507654321, sähköposti kukka.kauppias@example.fi");
  }

  @Test
  void anAdministratorAddsAnAccountOnTheAdminPageAndSeesItInTheAuditLog() {
    browser.get(url("/yllapito"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
    signIn("paula.yllapito", Accounts.PASSWORD);
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("admin")));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "paula.yllapito"));
    browser.findElement(By.id("new-username")).sendKeys("uusi.selain");
    browser.findElement(By.id("new-password")).sendKeys(Accounts.PASSWORD);
    browser.findElement(By.id("add-button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts"), "uusi.selain"));
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "account_create"));
    assertThat(server.backend.accounts().all()).anySatisfy(a -> {
      assertThat(a.username()).isEqualTo("uusi.selain");
      assertThat(a.roles()).containsExactly(Role.ADVISER);
    });
  }
}
