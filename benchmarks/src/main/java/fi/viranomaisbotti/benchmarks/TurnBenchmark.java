package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one chat turn once warm: the Finnish analysis alone, the whole recommendation
 * (analysis, rules, plan, answers) and an answer search. Sample mode reports p50 and p99. The
 * reference story is measured three ways: its analysis alone, its turn (counterfactuals kept from
 * the previous identical turn, as for a story told again), and its turn with an amount that
 * changes every time, so that the counterfactuals are computed anew each turn.
 */
public class TurnBenchmark extends SampledLatency {
  private Morphology morphology;
  private Navigator navigator;
  private int audience;

  @Setup(Level.Trial)
  public void start() {
    morphology = Morphology.voikko(2);
    navigator = Navigator.start(Fixtures.corpus(), morphology);
  }

  @TearDown(Level.Trial)
  public void stop() {
    navigator.close();
    morphology.close();
  }

  @Benchmark
  public AnalysedText analyse40WordTurn() {
    return navigator.analyse(Fixtures.TURN_40_WORDS);
  }

  @Benchmark
  public AnalysedText analyseLiisa() {
    return navigator.analyse(Fixtures.LIISA);
  }

  @Benchmark
  public Recommendation recommendLiisaNewFacts() {
    return navigator.recommend(Fixtures.LIISA, Map.of("yleisomaara", ++audience));
  }

  @Benchmark
  public Recommendation recommendLiisa() {
    return navigator.recommend(Fixtures.LIISA, Map.of());
  }

  @Benchmark
  public Recommendation recommend40WordTurn() {
    return navigator.recommend(Fixtures.TURN_40_WORDS, Map.of());
  }

  @Benchmark
  public List<?> searchAnswers() {
    return navigator.searchAnswers("tarviinko anniskeluluvan kahvilaan", Audience.CITIZEN, 10);
  }
}
