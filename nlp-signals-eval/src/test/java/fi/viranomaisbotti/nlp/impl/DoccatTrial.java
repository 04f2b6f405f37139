package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.knowledge.EventExamples;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import java.util.Collection;
import java.util.List;

/**
 * One set of training settings of the event classifier that {@code NlpSignalsEval} compares by
 * cross-validation. It lives in the implementation's package (a split package on the test class
 * path) because the OpenNLP settings are a detail of {@link DoccatIntentClassifier}, not API.
 */
public record DoccatTrial(String algorithm, int cutoff, int iterations) {

  /** The settings compared, the default first. */
  public static List<DoccatTrial> compared() {
    return List.of(
            DoccatIntentClassifier.Settings.DEFAULT,
            new DoccatIntentClassifier.Settings("MAXENT", 1, 300),
            new DoccatIntentClassifier.Settings("MAXENT", 0, 100),
            new DoccatIntentClassifier.Settings("NAIVEBAYES", 0, 1),
            new DoccatIntentClassifier.Settings("PERCEPTRON", 0, 300))
        .stream()
        .map(s -> new DoccatTrial(s.algorithm(), s.cutoff(), s.iterations()))
        .toList();
  }

  /** Whether these are the settings the engine trains with. */
  public boolean isDefault() {
    return settings().equals(DoccatIntentClassifier.Settings.DEFAULT);
  }

  /** A classifier trained on the examples with these settings. */
  public IntentClassifier train(Collection<EventExamples> examples, FinnishAnalyser analyser) {
    return DoccatIntentClassifier.train(examples, analyser, settings());
  }

  private DoccatIntentClassifier.Settings settings() {
    return new DoccatIntentClassifier.Settings(algorithm, cutoff, iterations);
  }
}
