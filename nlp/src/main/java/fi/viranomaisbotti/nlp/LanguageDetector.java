package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.impl.Implementations;

/**
 * Tells which of Finnish, Swedish and English a text (often a single line) is written in.
 * Implementations are thread-safe: one instance serves all threads.
 */
public interface LanguageDetector extends AutoCloseable {

  /**
   * The detector the chat uses: per-word evidence (the morphology knows the word, function words,
   * typical endings and letters), with the OpenNLP n-gram model consulted only when that evidence
   * is close. Thread-safe if the morphology is; closing it leaves the morphology open.
   */
  static LanguageDetector combined(Morphology morphology) {
    return Implementations.combinedLanguageDetector(morphology);
  }

  /**
   * OpenNLP's pre-trained n-gram detector alone, reduced to Finnish, Swedish and English; weak on
   * one-line turns, kept as the baseline of the evaluations. Thread-safe.
   */
  static LanguageDetector openNlp() {
    return Implementations.openNlpLanguageDetector();
  }

  /** The language of the text; {@link LanguageGuess#UNDETERMINED} for text without words. */
  LanguageGuess detect(String text);

  @Override
  void close();
}
