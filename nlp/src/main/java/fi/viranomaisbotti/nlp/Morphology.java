package fi.viranomaisbotti.nlp;

import fi.viranomaisbotti.nlp.impl.Implementations;
import java.util.List;

/**
 * Finnish morphological analysis of single words. Implementations are thread-safe: callers may
 * share one instance across threads.
 */
public interface Morphology extends AutoCloseable {

  /**
   * Finnish morphology from libvoikko, with {@code handles} native handles lent one per call (a
   * handle is not thread-safe; more handles let more threads analyse at once) and the analyses
   * and suggestions cached. Thread-safe; close it to release the handles.
   *
   * @param handles at least one; the server uses one per core
   * @throws MorphologyUnavailableException if libvoikko or its Finnish dictionary is not installed
   */
  static Morphology voikko(int handles) {
    return Implementations.voikko(handles);
  }

  /** All readings of a word form, in the analyser's order; empty when the word is unknown. */
  List<WordAnalysis> analyse(String word);

  /** Spelling suggestions for an unknown word, best first; may be empty. */
  List<String> suggest(String word);

  /** How the cache of word analyses in front of the analyser has served, for the metrics. */
  default CacheStats cacheStats() {
    return CacheStats.NONE;
  }

  /** A short description for health reports, e.g. "libvoikko 4.3 (fi, 4 handles)". */
  String describe();

  @Override
  void close();
}
