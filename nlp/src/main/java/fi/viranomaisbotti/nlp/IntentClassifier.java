package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * Suggests the life and business events a turn is about, with a confidence for each, beside
 * what concept matching finds. Implementations are thread-safe.
 */
public interface IntentClassifier extends AutoCloseable {

  /** Events ranked by confidence, best first, at most {@code limit} of them. */
  List<EventSignal> classify(AnalysedText text, int limit);

  /** The events the classifier knows. */
  List<String> events();

  @Override
  void close();
}
