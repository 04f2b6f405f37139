package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.Obligation;
import org.junit.jupiter.api.Test;

class CorpusTimingTest {
  @Test
  void theCorpusDatesAnObligationOnlyWithTheSentenceOfItsOwnTextThatGivesThePeriod() {
    KnowledgeSnapshot k = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", getClass().getClassLoader()));
    var timed = k.obligations().values().stream().filter(o -> o.timing() != null).toList();
    assertThat(timed).extracting(Obligation::id).contains("muuttoilmoitus", "yel-vakuutus", "taksiliikennelupa");
    // The basis is the obligation's own words (its description, lead time or deadline), not a new claim.
    assertThat(timed).allSatisfy(o -> assertThat(String.join(" ", String.valueOf(o.description()), String.valueOf(o.leadTime()),
        String.valueOf(o.deadline())).replaceAll("\\s+", " ")).contains(o.timing().basis()));
  }
}
