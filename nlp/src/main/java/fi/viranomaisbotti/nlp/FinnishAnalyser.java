package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.impl.Implementations;
import fi.viranomaisbotti.nlp.impl.TextPipeline;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Reads Finnish text: sentences, tokens with a chosen morphological reading, concepts from the
 * knowledge vocabulary, entities, the scope of negations, questions and conditions, the language
 * and a masked copy of the text. Thread-safe if its {@link Morphology} and {@link
 * LanguageDetector} are (Voikko's and the default detector are).
 */
public final class FinnishAnalyser {
  /**
   * Longest text accepted, in characters; longer input is rejected by the callers' API. This is
   * also the work budget of one analysis: every step reads the text in time linear in its length,
   * so no accepted text, however hostile, costs more than a small multiple of an ordinary one of the
   * same length (figures in docs/benchmarks.md).
   */
  public static final int MAX_TEXT_LENGTH = 10_000;

  /** The time zone relative dates ("ensi kesänä") are read in by default. */
  public static final ZoneId FINLAND = ZoneId.of("Europe/Helsinki");

  private final Morphology morphology;
  private final Vocabulary vocabulary;
  private final TextPipeline pipeline;

  /**
   * An analyser with the bundled lemma model, the chat's lemma style ({@link LemmaStyle#READING}),
   * the combined language detector and the system clock in Finnish time.
   */
  public FinnishAnalyser(Morphology morphology, Vocabulary vocabulary) {
    this(morphology, vocabulary, LanguageDetector.combined(morphology), Clock.system(FINLAND));
  }

  /**
   * @param languages tells the language of the whole text
   * @param clock the "now" that relative dates ("ensi vuonna") are resolved against
   */
  public FinnishAnalyser(Morphology morphology, Vocabulary vocabulary, LanguageDetector languages, Clock clock) {
    this.morphology = morphology;
    this.vocabulary = vocabulary;
    this.pipeline = Implementations.textPipeline(morphology, vocabulary, languages, clock);
  }

  public Morphology morphology() {
    return morphology;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Analyses a text of at most {@link #MAX_TEXT_LENGTH} characters.
   *
   * @throws IllegalArgumentException if the text is longer
   */
  public AnalysedText analyse(String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "The text has " + text.length() + " characters; at most " + MAX_TEXT_LENGTH + " are accepted.");
    }
    return pipeline.analyse(text);
  }

  /**
   * Analyses a text of at most {@link #MAX_TEXT_LENGTH} characters with the lemmas in the given
   * style: {@link LemmaStyle#READING} as the chat reads, or {@link LemmaStyle#UNIVERSAL_DEPENDENCIES}
   * as the UD Finnish treebanks lemmatise.
   *
   * @throws IllegalArgumentException if the text is longer
   */
  public AnalysedText analyse(String text, LemmaStyle style) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "The text has " + text.length() + " characters; at most " + MAX_TEXT_LENGTH + " are accepted.");
    }
    return pipeline.analyse(text, style);
  }

  /**
   * The forms under which a single word is indexed and searched: the word in lower case and the
   * lemma of every reading (the whole word), and the parts of a compound, after a confident
   * spelling correction; for an abbreviation inflected after a colon ("ytj:ssä"), the
   * abbreviation. The same pipeline as the chat, so that search and chat read words alike.
   */
  public WordForms indexForms(String word) {
    return pipeline.indexForms(word);
  }
}
