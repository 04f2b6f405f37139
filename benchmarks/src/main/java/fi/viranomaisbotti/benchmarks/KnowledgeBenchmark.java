package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
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
 * Loading and validating the knowledge snapshot, and publishing it again into a running
 * navigator. A publish shares every part whose inputs did not change, so publishing the same
 * content measures the comparison and the swap; {@link PublishProbe} times each kind of change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
public class KnowledgeBenchmark {
  private Morphology morphology;
  private Navigator navigator;
  private KnowledgeSnapshot snapshot;

  @Setup(Level.Trial)
  public void start() {
    morphology = Morphology.voikko(2);
    snapshot = Fixtures.corpus();
    navigator = Navigator.start(snapshot, morphology);
  }

  @TearDown(Level.Trial)
  public void stop() {
    navigator.close();
    morphology.close();
  }

  @Benchmark
  public KnowledgeSnapshot loadAndValidateSnapshot() {
    return Fixtures.corpus();
  }

  @Benchmark
  public Navigator publishSnapshot() {
    navigator.publish(snapshot);
    return navigator;
  }
}
