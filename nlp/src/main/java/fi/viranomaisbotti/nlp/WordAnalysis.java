package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * One morphological reading of a word form.
 *
 * @param lemma base form, e.g. "sika" for "sioista"
 * @param pos Universal Dependencies part-of-speech tag (NOUN, VERB, PROPN, AUX …)
 * @param wordClass the analyser's own word class (for Voikko: nimisana, teonsana, paikannimi …)
 * @param compoundParts base forms of the compound's parts, e.g. [liha, sikala]; one element for
 *     a simple word
 * @param grammaticalCase case name as the analyser gives it (e.g. "ulkoolento"), or null
 * @param negativeVerb whether this is the negation verb "ei" in any person
 */
public record WordAnalysis(
    String lemma,
    String pos,
    String wordClass,
    List<String> compoundParts,
    String grammaticalCase,
    boolean negativeVerb) {

  public WordAnalysis {
    compoundParts = List.copyOf(compoundParts);
  }

  public boolean isProperNoun() {
    return "PROPN".equals(pos);
  }
}
