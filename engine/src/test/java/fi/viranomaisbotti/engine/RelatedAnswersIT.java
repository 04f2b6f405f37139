package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Situation;
import org.junit.jupiter.api.Test;

/** The answers related to a story, remembered per index, are those a search computes afresh. */
class RelatedAnswersIT {
  private static final KnowledgeSnapshot SNAPSHOT = NavigatorFixture.SNAPSHOT;

  @Test
  void aRememberedStoryGetsTheAnswersAFreshIndexFinds() {
    KnowledgeRuntime rt = NavigatorFixture.NAVIGATOR.liveRuntime();
    try (AnswerIndex fresh = new AnswerIndex(new FinnishLuceneAnalyzer(rt.analyser), SNAPSHOT)) {
      int withHits = 0;
      for (Situation s : SNAPSHOT.situations()) {
        var first = rt.answers.related(s.text(), TurnPipeline.ANSWERS_PER_TURN);
        var remembered = rt.answers.related(s.text(), TurnPipeline.ANSWERS_PER_TURN);
        assertThat(remembered).as(s.id()).isEqualTo(first).isEqualTo(fresh.related(s.text(), TurnPipeline.ANSWERS_PER_TURN));
        // Another limit is another search, not the remembered three cut or padded.
        assertThat(rt.answers.related(s.text(), 1)).as(s.id()).isEqualTo(fresh.related(s.text(), 1));
        withHits += first.isEmpty() ? 0 : 1;
      }
      assertThat(withHits).as("situations whose story finds answers").isGreaterThan(SNAPSHOT.situations().size() / 2);
    }
  }
}
