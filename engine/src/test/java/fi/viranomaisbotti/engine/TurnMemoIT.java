package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.viranomaisbotti.knowledge.Situation;
import fi.viranomaisbotti.nlp.AnalysedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recommendation served from the memo of what follows from the facts is the one computed
 * afresh, byte for byte in JSON, for every regression situation of the corpus: told in its own
 * words, again without text (a resume, an answer turn) in Finnish and in Swedish, and with one
 * more answer, which must not be served the memo of the facts before it.
 */
class TurnMemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KnowledgeRuntime rt;

  @BeforeAll
  static void build() {
    rt = KnowledgeRuntime.build(NavigatorFixture.SNAPSHOT, NavigatorFixture.MORPHOLOGY);
  }

  @AfterAll
  static void close() {
    rt.release();
  }

  @Test
  void everySituationFromTheMemoEqualsTheRecommendationComputedAfresh() {
    TurnMemo.Counts counts = new TurnMemo.Counts();
    TurnMemo memo = new TurnMemo(counts, TurnMemo.MAX_PARTS);
    TurnMemo none = new TurnMemo(new TurnMemo.Counts(), 0);
    int turns = 0;
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      AnalysedText told = rt.analyser.analyse(s.text());
      FactSet known = FactSet.of(rt.facts.read(told, 1)).with(FactParser.parse(rt.snapshot, s.facts(), 2));
      List<AnalysedText> turnsOfTheFacts = List.of(told, AnalysedText.empty("fi"), AnalysedText.empty("sv"), told);
      for (AnalysedText turn : turnsOfTheFacts) {
        String language = turn.maskedText().isBlank() ? turn.language() : told.language();
        Recommendation fresh = TurnPipeline.recommend(rt, none, known, turn, language);
        Recommendation kept = TurnPipeline.recommend(rt, memo, known, turn, language);
        assertThat(json(kept)).as("situation %s, turn in %s '%s'", s.id(), turn.language(), turn.maskedText())
            .isEqualTo(json(fresh));
        // Records compare the answers' highlight offsets (int arrays) by identity, so the JSON is what is compared.
        turns++;
      }
      List<KnownFact> oneMore = FactParser.parse(rt.snapshot, Map.of("kunta", "091"), 3);
      FactSet more = known.with(oneMore);
      assertThat(json(TurnPipeline.recommend(rt, memo, more, AnalysedText.empty("fi"), "fi")))
          .as("situation %s with the municipality answered", s.id())
          .isEqualTo(json(TurnPipeline.recommend(rt, none, more, AnalysedText.empty("fi"), "fi")));
      turns++;
    }
    int situations = NavigatorFixture.SNAPSHOT.situations().size();
    assertThat(situations).isGreaterThan(50);
    // Per situation: the told turn, Finnish and Swedish without text (facts seen, languages new or not), and the told
    // turn again hit or miss as their language and facts say; at least the repeated told turn hits.
    assertThat(counts.hits() + counts.misses()).isEqualTo(turns);
    assertThat(counts.hits()).as("lookups served from the memo").isGreaterThanOrEqualTo(situations);
  }

  @Test
  void aMemoThatRemembersNothingComputesEveryTurn() {
    TurnMemo.Counts counts = new TurnMemo.Counts();
    TurnMemo none = new TurnMemo(counts, 0);
    Situation s = NavigatorFixture.SNAPSHOT.situations().get(0);
    AnalysedText told = rt.analyser.analyse(s.text());
    FactSet known = FactSet.of(rt.facts.read(told, 1));
    TurnPipeline.recommend(rt, none, known, told, told.language());
    TurnPipeline.recommend(rt, none, known, told, told.language());
    assertThat(counts.hits()).isZero();
    assertThat(counts.misses()).isEqualTo(2);
    assertThat(none.size()).isZero();
  }

  private static String json(Recommendation r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
