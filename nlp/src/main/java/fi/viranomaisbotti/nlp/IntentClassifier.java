package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.knowledge.EventExamples;
import fi.viranomaisbotti.nlp.impl.Implementations;
import java.util.Collection;
import java.util.List;

/**
 * Suggests the life and business events a turn is about, with a confidence for each, beside
 * what concept matching finds. Implementations are thread-safe.
 */
public interface IntentClassifier extends AutoCloseable {

  /**
   * Trains an OpenNLP maximum-entropy classifier on the example utterances, read through the
   * analyser so that training and use see the same lemmas and concepts. Thread-safe once trained.
   *
   * @throws IllegalArgumentException if fewer than two events have examples
   */
  static IntentClassifier train(Collection<EventExamples> examples, FinnishAnalyser analyser) {
    return Implementations.trainIntentClassifier(examples, analyser);
  }

  /** Events ranked by confidence, best first, at most {@code limit} of them. */
  List<EventSignal> classify(AnalysedText text, int limit);

  /** The events the classifier knows. */
  List<String> events();

  @Override
  void close();
}
