package fi.viranomaisbotti.nlp;

import java.util.List;

/**
 * A word or punctuation mark in the analysed text, with the chosen reading.
 *
 * @param start offset of the first character in the original text
 * @param end offset after the last character
 * @param lemma chosen base form (lower case unless a proper noun); the text itself when unknown
 * @param known whether the analyser recognised the word (possibly after a spelling correction)
 * @param correctedFrom the original spelling when the analyser only knew a corrected form, else
 *     null
 * @param alternatives number of readings the analyser offered
 * @param concepts ids of knowledge concepts this token expresses
 * @param negated whether the token is inside the scope of a negation
 */
public record Token(
    String text,
    int start,
    int end,
    String lemma,
    String pos,
    String wordClass,
    List<String> compoundParts,
    boolean known,
    String correctedFrom,
    int alternatives,
    List<String> concepts,
    boolean negated) {

  public Token {
    compoundParts = List.copyOf(compoundParts);
    concepts = List.copyOf(concepts);
  }

  public boolean isWord() {
    return !"PUNCT".equals(pos);
  }
}
