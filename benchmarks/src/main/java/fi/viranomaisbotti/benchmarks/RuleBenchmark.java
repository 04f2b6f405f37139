package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reasoning alone: one Drools evaluation of the full corpus rule base over the signals of
 * the reference story (a fresh session, insert, fire, collect), without analysis or search.
 */
public class RuleBenchmark extends SampledLatency {
  private RuleBase rules;
  private List<Signal> signals;

  @Setup(Level.Trial)
  public void start() {
    KnowledgeSnapshot k = Fixtures.corpus();
    try (Morphology morphology = Morphology.voikko(1); Navigator navigator = Navigator.start(k, morphology)) {
      signals = navigator.read(Fixtures.LIISA, 0).facts().stream()
          .filter(f -> f.value() instanceof KnownFact.YesNo)
          .map(f -> new Signal(f.concept(), !((KnownFact.YesNo) f.value()).yes(), f.evidence(), f.provenance()))
          .toList();
    }
    rules = RuleBase.build(k.rules(), k.version());
  }

  @TearDown(Level.Trial)
  public void stop() {
    rules.close();
  }

  @Benchmark
  public Collection<Conclusion> evaluateLiisa() {
    return rules.evaluate(signals);
  }
}
