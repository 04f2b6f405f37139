package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.knowledge.EventExamples;
import fi.viranomaisbotti.nlp.impl.Implementations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /**
   * Reads a classifier written by {@link #write}, so that a start need not train it again.
   *
   * @throws IOException if the stream does not hold a classifier written by this version
   */
  static IntentClassifier read(InputStream in) throws IOException {
    return Implementations.readIntentClassifier(in);
  }

  /** Writes the trained classifier in a form {@link #read} accepts; the stream is left open. */
  void write(OutputStream out) throws IOException;

  /** Events ranked by confidence, best first, at most {@code limit} of them. */
  List<EventSignal> classify(AnalysedText text, int limit);

  /** The events the classifier knows. */
  List<String> events();

  @Override
  void close();
}
