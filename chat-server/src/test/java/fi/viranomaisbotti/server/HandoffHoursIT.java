package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.viranomaisbotti.engine.conversation.HandoffHours;
import fi.viranomaisbotti.server.web.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Asking for a person when no adviser is in: the server's opening hours (here only on a day that
 * is not today) decide; the page offers contact details or the export; the details are checked,
 * stored with the handoff only, shown to the adviser who claims it and to no one else, and
 * deleted with the conversation.
 */
class HandoffHoursIT {
  static ServerFixture server;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(ChatPageIT.CHROMIUM) && Files.isExecutable(ChatPageIT.CHROMEDRIVER),
        "Chromium and ChromeDriver are not installed; run scripts/setup.sh --browser (./test.sh does)");
    DayOfWeek notToday = Instant.now().atZone(ZoneId.of("Europe/Helsinki")).getDayOfWeek().plus(3);
    String day = notToday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    server = new ServerFixture(
        fi.viranomaisbotti.server.web.WebSettings.DEFAULTS.withLimits(ServerFixture.UNREACHED), Clock.systemUTC(),
        HandoffHours.parse(day + " 08:00-16:00 Europe/Helsinki"));
    Accounts.create(server, "aamu.neuvoja", EnumSet.of(Role.ADVISER));
    Accounts.create(server, "ilta.neuvoja", EnumSet.of(Role.ADVISER));
    browser = ChatPageIT.newBrowser();
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

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  @Test
  void outsideOpeningHoursTheCustomerLeavesContactDetailsThatOnlyTheClaimingAdviserSees() throws Exception {
    browser.get("http://localhost:" + server.app.port() + "/");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
    browser.navigate().refresh();
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    type("message", "Avaan kahvilan Tampereelle ja palkkaan kaksi työntekijää.");
    browser.findElement(By.id("send")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#phases li[data-step]")));

    browser.findElement(By.id("handoff-ask")).click();
    browser.findElement(By.id("handoff-consent")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-closed")));
    assertThat(text("handoff-closed")).contains("Neuvojat eivät ole nyt paikalla", "08:00-16:00 Europe/Helsinki",
        "Seuraavan kerran", "ottaa suunnitelman talteen");
    assertThat(browser.findElement(By.id("export-html")).isDisplayed()).as("the export is at hand").isTrue();
    String id = (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('conversationId')");
    assertThat(server.backend.handoffs().openFor(id)).as("nothing queued without contact details").isEmpty();
    Axe.findsNothingSerious(browser, "the contact form");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
    ((JavascriptExecutor) browser).executeScript("document.getElementById('handoff').scrollIntoView()");
    Files.createDirectories(ChatPageIT.SCREENSHOTS);
    Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
        ChatPageIT.SCREENSHOTS.resolve("handoff-contact-390.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));

    type("contact-phone", "040 12");
    browser.findElement(By.cssSelector("#handoff-contact button[type=submit]")).click();
    assertThat(text("contact-status")).contains("7–15 numeroa");
    assertThat(browser.findElement(By.id("contact-phone")).getAttribute("aria-invalid")).isEqualTo("true");

    type("contact-phone", "040 123 4567");
    type("contact-email", "liisa.virtanen@example.fi");
    browser.findElement(By.cssSelector("#handoff-contact button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat"), "Neuvoja ottaa sinuun yhteyttä aukioloaikana"));
    assertThat(browser.findElement(By.id("handoff-contact")).isDisplayed()).isFalse();

    var stored = server.backend.handoffs().openFor(id).orElseThrow();
    assertThat(stored.contact().phone()).isEqualTo("0401234567");
    assertThat(stored.contact().email()).isEqualTo("liisa.virtanen@example.fi");

    Accounts.Session morning = Accounts.signIn(server, "aamu.neuvoja");
    Accounts.Session evening = Accounts.signIn(server, "ilta.neuvoja");
    HttpResponse<String> queue = Accounts.send(server, morning, "GET", "/api/v1/handoffs", null);
    JsonNode listed = null;
    for (JsonNode h : ServerFixture.json(queue).path("handoffs")) {
      if (h.path("transcript").toString().contains("kahvilan")) {
        listed = h;
      }
    }
    assertThat(listed).as("the café's handoff in the queue").isNotNull();
    assertThat(listed.path("contactLeft").asBoolean()).isTrue();
    assertThat(listed.has("contact")).isFalse();
    assertThat(queue.body()).doesNotContain("1234567", "liisa.virtanen", "7654321");

    String handoff = listed.path("id").asText();
    JsonNode claimed = ServerFixture.json(Accounts.send(server, morning, "POST", "/api/v1/handoffs/" + handoff + "/claim", null));
    assertThat(claimed.at("/contact/phone").asText()).isEqualTo("0401234567");
    assertThat(claimed.at("/contact/email").asText()).isEqualTo("liisa.virtanen@example.fi");
    assertThat(ServerFixture.json(Accounts.send(server, morning, "GET", "/api/v1/handoffs/" + handoff, null))
        .at("/contact/phone").asText()).isEqualTo("0401234567");
    HttpResponse<String> other = Accounts.send(server, evening, "GET", "/api/v1/handoffs/" + handoff, null);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).as("another adviser").doesNotContain("1234567", "liisa.virtanen");

    // Deleted with the conversation: the retention job's deletion takes the handoff and its details.
    assertThat(server.conversations.deleteInactiveBefore(Instant.now().plus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
    assertThat(server.backend.handoffs().find(handoff)).isEmpty();
  }

  @Test
  void outsideOpeningHoursTheSocketSaysWhenAdvisersAreInAndRefusesAnUnusableContact() throws Exception {
    try (SocketClient chat = new SocketClient(server.http, server.app.port(), null)) {
      chat.next();
      chat.send(Map.of("type", "message", "text", "Perustan leipomon Ouluun."));
      JsonNode closed = chat.send(Map.of("type", "handoff", "consent", true));
      assertThat(closed.path("status").asText()).isEqualTo("closed");
      assertThat(closed.path("advisersIn").asBoolean()).isFalse();
      assertThat(Instant.parse(closed.path("nextOpening").asText())).isAfter(Instant.now());
      JsonNode refused = chat.send(Map.of("type", "handoff", "consent", true, "contact", Map.of("email", "ei-osoite")));
      assertThat(refused.at("/error/code").asText()).isEqualTo("bad_contact");
      assertThat(refused.at("/error/message").asText()).doesNotContain("ei-osoite");
      JsonNode queued = chat.send(Map.of("type", "handoff", "consent", true, "contact", Map.of("phone", "+358 40 765 4321")));
      assertThat(queued.path("status").asText()).isEqualTo("queued");
      assertThat(queued.path("contactLeft").asBoolean()).isTrue();
      assertThat(List.of(queued.toString())).allSatisfy(s -> assertThat(s).doesNotContain("7654321"));
    }
  }
}
