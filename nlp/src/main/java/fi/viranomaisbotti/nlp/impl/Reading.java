package fi.viranomaisbotti.nlp.impl;

import java.util.List;

/**
 * The chosen reading of one word.
 *
 * @param lemma base form in the chosen {@link fi.viranomaisbotti.nlp.LemmaStyle} (lower case
 *     unless a proper noun); the word itself for punctuation and numbers, a lower-case guess for
 *     unknown words
 * @param pos Universal Dependencies part of speech (PUNCT, NUM and X for unknown words included)
 * @param wordClass the analyser's word class, "" when it has none
 * @param compoundParts base forms of the compound's parts; the lemma alone for a simple word
 * @param known whether the analyser recognised the word, possibly after a spelling correction
 * @param correctedFrom the original spelling when only a corrected one was known, else null
 * @param alternatives number of readings the analyser offered
 * @param grammaticalCase the chosen reading's case as the analyser names it ("sisaeronto"), "" when
 *     it has none
 */
record Reading(
    String lemma,
    String pos,
    String wordClass,
    List<String> compoundParts,
    boolean known,
    String correctedFrom,
    int alternatives,
    String grammaticalCase) {

  Reading {
    compoundParts = List.copyOf(compoundParts);
    grammaticalCase = grammaticalCase == null ? "" : grammaticalCase;
  }

  /** A reading without a case: punctuation, numbers, unknown words. */
  Reading(String lemma, String pos, String wordClass, List<String> compoundParts, boolean known, String correctedFrom, int alternatives) {
    this(lemma, pos, wordClass, compoundParts, known, correctedFrom, alternatives, "");
  }
}
