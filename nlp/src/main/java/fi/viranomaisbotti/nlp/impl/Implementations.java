package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.knowledge.EventExamples;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import fi.viranomaisbotti.nlp.LanguageDetector;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.time.Clock;
import java.util.Collection;

/**
 * The API package's one way into this package: the factories of {@link Morphology}, {@link
 * LanguageDetector}, {@link IntentClassifier} and the constructor of {@link FinnishAnalyser} call
 * these, so that every other type here can stay package-private. Other modules use those
 * factories, never this class. Stateless and thread-safe.
 */
public final class Implementations {
  private Implementations() {}

  public static Morphology voikko(int handles) {
    return VoikkoMorphology.open(handles);
  }

  public static LanguageDetector combinedLanguageDetector(Morphology morphology) {
    return new CombinedLanguageDetector(morphology);
  }

  public static LanguageDetector openNlpLanguageDetector() {
    return new OpenNlpLanguageDetector();
  }

  public static IntentClassifier trainIntentClassifier(Collection<EventExamples> examples, FinnishAnalyser analyser) {
    return DoccatIntentClassifier.train(examples, analyser);
  }

  public static IntentClassifier readIntentClassifier(java.io.InputStream in) throws java.io.IOException {
    return DoccatIntentClassifier.read(in);
  }

  public static TextPipeline textPipeline(
      Morphology morphology, Vocabulary vocabulary, LanguageDetector languages, Clock clock) {
    return new TextPipeline(morphology, vocabulary, languages, clock);
  }
}
