package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one chat turn once warm: the Finnish analysis alone, the whole recommendation
 * (analysis, rules, plan, answers) and an answer search. Sample mode reports p50 and p99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TurnBenchmark {
  private Morphology morphology;
  private Navigator navigator;

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
