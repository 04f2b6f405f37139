package fi.viranomaisbotti.nlp;

import java.util.List;
import java.util.Map;

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
 * @param attributes the analyser's raw attributes that choosing a reading needs (for Voikko:
 *     SIJAMUOTO, NUMBER, PARTICIPLE, MOOD, FOCUS, FSTOUTPUT …); empty when the analyser gives none
 */
public record WordAnalysis(
    String lemma,
    String pos,
    String wordClass,
    List<String> compoundParts,
    String grammaticalCase,
    boolean negativeVerb,
    Map<String, String> attributes) {

  public WordAnalysis {
    compoundParts = List.copyOf(compoundParts);
    attributes = Map.copyOf(attributes);
  }

  /** A reading without raw attributes. */
  public WordAnalysis(
      String lemma,
      String pos,
      String wordClass,
      List<String> compoundParts,
      String grammaticalCase,
      boolean negativeVerb) {
    this(lemma, pos, wordClass, compoundParts, grammaticalCase, negativeVerb, Map.of());
  }

  /** A raw attribute, or the empty string when the analyser did not give it. */
  public String attribute(String name) {
    return attributes.getOrDefault(name, "");
  }

  public boolean isProperNoun() {
    return "PROPN".equals(pos);
  }
}
