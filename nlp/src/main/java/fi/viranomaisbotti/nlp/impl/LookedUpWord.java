package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.WordAnalysis;
import java.util.List;

/**
 * One word of a sentence as the morphology sees it, before a reading is chosen.
 *
 * @param text the word as written
 * @param kind punctuation, number, a word the analyser knows, or an unknown word
 * @param readings the analyser's readings (of the corrected spelling if there is one); empty
 *     unless the kind is {@link Kind#WORD}
 * @param corrected the corrected spelling the readings belong to, or null when the word was
 *     known as written
 */
record LookedUpWord(String text, Kind kind, List<WordAnalysis> readings, String corrected) {

  /** What kind of token a word is. */
  enum Kind {
    PUNCTUATION,
    NUMBER,
    WORD,
    UNKNOWN
  }

  LookedUpWord {
    readings = List.copyOf(readings);
  }
}
