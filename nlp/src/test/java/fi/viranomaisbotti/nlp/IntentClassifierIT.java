package fi.viranomaisbotti.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.EventExamples;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event classifier trained on the corpus's own utterances, tried on turns it has not seen. */
class IntentClassifierIT {
  private static IntentClassifier classifier;
  private final FinnishAnalyser analyser = AnalyserFixture.analyser();

  @BeforeAll
  static void train() {
    classifier = IntentClassifier.train(AnalyserFixture.knowledge().examples(), AnalyserFixture.analyser());
  }

  @AfterAll
  static void close() {
    classifier.close();
  }

  private String best(String text) {
    return classifier.classify(analyser.analyse(text), 1).get(0).event();
  }

  @Test
  void everyEventHasAtLeastFifteenExampleUtterances() {
    Map<String, Integer> counts = AnalyserFixture.knowledge().examples().stream()
        .collect(Collectors.groupingBy(EventExamples::event, Collectors.summingInt(e -> e.examples().size())));
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(AnalyserFixture.knowledge().events().keySet());
    assertThat(counts.values()).allMatch(n -> n >= 15);
  }

  @Test
  void recognisesEventsInTurnsItWasNotTrainedOn() {
    assertThat(best("Mä aion avata pienen kahvilan Kokkolaan")).isEqualTo("ravintolan-perustaminen");
    assertThat(best("Saanko myydä olutta terassilla?")).isEqualTo("alkoholin-anniskelu");
    assertThat(best("Tarvitaanko lupa uudelle sikalalle, jossa on 800 lihasikaa?")).isEqualTo("kotielaintuotanto");
    assertThat(best("Palkkaisin kesäksi myyjän")).isEqualTo("tyontekijan-palkkaaminen");
  }

  @Test
  void confidencesAreRankedProbabilities() {
    List<EventSignal> top = classifier.classify(analyser.analyse("Perustan toiminimen ja palkkaan työntekijän."), 3);
    assertThat(top).hasSize(3);
    assertThat(top.get(0).confidence()).isGreaterThanOrEqualTo(top.get(1).confidence());
    assertThat(top).allMatch(s -> s.confidence() >= 0 && s.confidence() <= 1);
    assertThat(classifier.classify(analyser.analyse("?"), 3)).isEmpty();
  }

  @Test
  void concurrentCallsAgreeWithASingleCall() throws Exception {
    AnalysedText text = analyser.analyse("Rakennan uuden navetan ja laajennan pihattoa.");
    List<EventSignal> expected = classifier.classify(text, 3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<EventSignal>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 100; i++) {
        results.add(pool.submit(() -> classifier.classify(text, 3)));
      }
      for (Future<List<EventSignal>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
