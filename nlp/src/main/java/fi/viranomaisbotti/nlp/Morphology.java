package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * Finnish morphological analysis of single words. Implementations are thread-safe: callers may
 * share one instance across threads.
 */
public interface Morphology extends AutoCloseable {

  /** All readings of a word form, in the analyser's order; empty when the word is unknown. */
  List<WordAnalysis> analyse(String word);

  /** Spelling suggestions for an unknown word, best first; may be empty. */
  List<String> suggest(String word);

  /** A short description for health reports, e.g. "libvoikko 4.3 (fi, 4 handles)". */
  String describe();

  @Override
  void close();
}
