package fi.viranomaisbotti.nlp;

/**
 * Tells which of Finnish, Swedish and English a text (often a single line) is written in.
 * Implementations are thread-safe: one instance serves all threads.
 */
public interface LanguageDetector extends AutoCloseable {

  /** The language of the text; {@link LanguageGuess#UNDETERMINED} for text without words. */
  LanguageGuess detect(String text);

  @Override
  void close();
}
