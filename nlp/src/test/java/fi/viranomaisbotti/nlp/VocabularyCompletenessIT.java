package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.EventExamples;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every concept of the vocabulary can be said as people say it: it has at least one colloquial
 * form, each of which the real analyser reads back to the concept, and at least one of the
 * corpus's example utterances mentions it. Adding a concept without them fails here.
 */
class VocabularyCompletenessIT {
  private static final FinnishAnalyser ANALYSER = AnalyserFixture.analyser();
  private static final Set<String> IN_UTTERANCES = new HashSet<>();

  @BeforeAll
  static void readUtterances() {
    for (EventExamples e : AnalyserFixture.knowledge().examples()) {
      for (String text : e.examples()) {
        ANALYSER.analyse(text).concepts().forEach(m -> IN_UTTERANCES.add(m.concept()));
      }
    }
  }

  static Stream<Concept> concepts() {
    return AnalyserFixture.knowledge().concepts().values().stream()
        .filter(c -> !c.id().startsWith(Vocabulary.COLLOQUIAL_PREFIX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("concepts")
  void everyConceptHasAColloquialFormItIsReadFromAndAnUtterance(Concept c) {
    assertThat(c.colloquial()).as("colloquial forms of '%s' (add colloquial: [...] in vocabulary/)", c.id()).isNotEmpty();
    for (String form : c.colloquial()) {
      assertThat(ANALYSER.analyse(form).concepts()).extracting(ConceptMention::concept)
          .as("'%s' read alone should give the concept '%s'", form, c.id())
          .contains(c.id());
    }
    assertThat(IN_UTTERANCES).as("an utterance in utterances/ that mentions '%s'", c.id()).contains(c.id());
  }
}
