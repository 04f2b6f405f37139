package fi.viranomaisbotti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core from its WebJar (no network), run in the page: WCAG 2.0/2.1 A and AA, serious and critical violations. */
final class Axe {
  private static final String SOURCE = load();

  private Axe() {}

  private static String load() {
    try (InputStream axe = Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      if (axe == null) {
        throw new IllegalStateException("axe-core 4.6.3 is not on the test class path (its WebJar)");
      }
      return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static void findsNothingSerious(WebDriver browser, String when) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(SOURCE);
    Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done({violations: r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))}))"
            + ".catch(e => done({violations: ['axe failed: ' + e]}));");
    assertThat((List<String>) result.get("violations")).as("serious or critical axe violations on " + when).isEmpty();
  }
}
