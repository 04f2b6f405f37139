package fi.viranomaisbotti.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.viranomaisbotti.engine.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
  private final ErrorMapper errors = new ErrorMapper(RouteRegistry.of());

  @Test
  void aLongValueQuotedByTheEngineIsCutTo80Characters() {
    String value = "a-".repeat(100_000);
    ErrorMapper.ApiError e = errors.map(new BadInputException("Unknown fact '" + value + "'. Facts are concept ids."), "test");
    assertThat(e.code()).isEqualTo("bad_input");
    assertThat(e.message()).startsWith("Unknown fact '" + value.substring(0, 80) + "…").endsWith("Facts are concept ids.");
  }

  @Test
  void aLongValueWithSpacesIsCutAndTheMessageStaysShort() {
    String value = "sika ja nauta ".repeat(10_000);
    String message = errors.map(new BadInputException("Fact 'alkoholi' must be true or false, got: " + value), "test").message();
    assertThat(message.length()).isLessThanOrEqualTo(ErrorMapper.MAX_MESSAGE + 1);
    assertThat(ErrorMapper.withShortEchoes("Unknown actor '" + value + "'. Use an actor id.")).endsWith("'. Use an actor id.");
  }

  @Test
  void ordinaryMessagesAndApostrophesAreLeftAsTheyAre() {
    String m = "The field \"text\" is required: the customer's story in Finnish.";
    assertThat(ErrorMapper.withShortEchoes(m)).isEqualTo(m);
  }

  @Test
  void aSurrogatePairIsNeverCutInHalfAndALoneSurrogateIsReplaced() {
    String emoji = "😀".repeat(100);
    String cut = ErrorMapper.withShortEchoes("got '" + emoji + "'");
    assertThat(cut.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    assertThat(ErrorMapper.withShortEchoes("x\uD800y")).isEqualTo("x\uFFFDy");
  }

  @Test
  void aBodyJettyCouldNotReadIs400NotAnInternalError() {
    assertThat(errors.map(new IOException(new EofException("Early EOF")), "test").status()).isEqualTo(400);
    assertThat(errors.map(new RuntimeException(new BadMessageException(400, "Bad chunk size")), "test").message())
        .contains("chunked encoding");
  }

  @Test
  void malformedJsonIsDescribedWithoutTheParsersInternals() {
    for (String json : List.of("[".repeat(3_000), "{\"a\": " + "1".repeat(2_000) + "}", "{\"text\": kahvila}", "{\"text\": \"")) {
      try {
        Json.object(json.getBytes(StandardCharsets.UTF_8));
      } catch (ApiException e) {
        assertThat(e.error().code()).isEqualTo("malformed_json");
        assertThat(e.getMessage()).doesNotContain("StreamReadConstraints", "Feature", "`", "com.fasterxml", "(code ");
        continue;
      }
      throw new AssertionError("accepted " + json.substring(0, 20));
    }
  }

  @Test
  void aByteOrderMarkBeforeTheJsonIsSkipped() {
    byte[] json = "\uFEFF{\"text\": \"kahvila\"}".getBytes(StandardCharsets.UTF_8);
    ObjectNode body = Json.object(json);
    assertThat(Json.text(body)).isEqualTo("kahvila");
  }
}
