package fi.viranomaisbotti.engine.unanswered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fi.viranomaisbotti.engine.BadInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnansweredConversionTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private static final UnansweredGroup GROUP = new UnansweredGroup("g1", "hankkia metsästyskortti", UnansweredGroup.State.OPEN,
      Set.of(UnansweredKind.NO_EVENT), 2, Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-04T08:00:00Z"),
      List.of("Mistä hankin metsästyskortin? Olen [NIMI].", "mistä metsästyskortti hankitaan"), null, null, null);

  private static JsonNode item(UnansweredConversion.NewItem item) throws Exception {
    JsonNode list = YAML.readTree(item.text());
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void anAnswerTakesTheGroupsTextsAsItsQuestionsAndIsADraftReviewedToday() throws Exception {
    UnansweredConversion.NewItem made = UnansweredConversion.of(GROUP,
        new UnansweredConversion.Request("answer", Map.of("id", "a-metsastyskortti")), "eeva.toimittaja", TODAY);
    assertThat(made.kind()).isEqualTo("answers");
    assertThat(made.id()).isEqualTo("a-metsastyskortti");
    JsonNode a = item(made);
    assertThat(a.path("questions")).extracting(JsonNode::asText).containsExactlyElementsOf(GROUP.examples());
    assertThat(a.path("name").asText()).isEqualTo(GROUP.examples().get(0));
    assertThat(a.at("/meta/status").asText()).isEqualTo("DRAFT");
    assertThat(a.at("/meta/owner").asText()).isEqualTo("eeva.toimittaja");
    assertThat(a.at("/meta/reviewed").asText()).isEqualTo("2026-12-05");
  }

  @Test
  void anAnswerWithoutAnIdGetsOneFromTheLemmasWithFinnishLettersFolded() {
    UnansweredConversion.NewItem made = UnansweredConversion.of(GROUP,
        new UnansweredConversion.Request("answer", Map.of()), "eeva", TODAY);
    assertThat(made.id()).isEqualTo("a-hankkia-metsastyskortti");
  }

  @Test
  void wordsThatLookLikeYamlStayWordsOfTheirField() throws Exception {
    String hostile = "x\"\n  citizenText: kaapattu\n- id: toinen # <img src=x onerror=alert(1)>: [a, {b}]\u2028loppu";
    UnansweredConversion.NewItem made = UnansweredConversion.of(GROUP, new UnansweredConversion.Request("concept",
        Map.of("id", "metsastyskortti", "name", hostile, "terms", List.of(hostile, "metsästyskortti"))), "eeva", TODAY);
    JsonNode c = item(made);
    assertThat(c.at("/name/fi").asText()).isEqualTo(hostile);
    assertThat(c.path("terms")).extracting(JsonNode::asText).containsExactly(hostile, "metsästyskortti");
    assertThat(c.has("citizenText")).isFalse();
  }

  @Test
  void anUtteranceNeedsItsEventAndTakesTheNewestText() throws Exception {
    assertThatThrownBy(() -> UnansweredConversion.of(GROUP, new UnansweredConversion.Request("utterance", Map.of()), "eeva", TODAY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("\"event\"");
    UnansweredConversion.NewItem made = UnansweredConversion.of(GROUP,
        new UnansweredConversion.Request("utterance", Map.of("event", "metsastys")), "eeva", TODAY);
    assertThat(made.kind()).isEqualTo("utterances");
    JsonNode u = item(made);
    assertThat(u.path("event").asText()).isEqualTo("metsastys");
    assertThat(u.path("examples")).extracting(JsonNode::asText).containsExactly(GROUP.examples().get(0));
  }

  @Test
  void anUnknownTargetOrABadIdIsRefusedWithWhatToSend() {
    assertThatThrownBy(() -> UnansweredConversion.of(GROUP, new UnansweredConversion.Request("rule", Map.of()), "eeva", TODAY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("\"answer\", \"concept\" or \"utterance\"");
    assertThatThrownBy(() -> UnansweredConversion.of(GROUP,
        new UnansweredConversion.Request("answer", Map.of("id", "Iso Kirjain")), "eeva", TODAY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("lower-case");
    assertThatThrownBy(() -> UnansweredConversion.of(GROUP,
        new UnansweredConversion.Request("concept", Map.of("terms", "yksi")), "eeva", TODAY))
        .isInstanceOf(BadInputException.class).hasMessageContaining("list of strings");
  }
}
