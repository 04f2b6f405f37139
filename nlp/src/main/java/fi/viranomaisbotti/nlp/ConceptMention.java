package fi.viranomaisbotti.nlp;

/**
 * A knowledge concept found in the text.
 *
 * @param concept the concept id from the vocabulary
 * @param evidence the user's own words that expressed it
 * @param matchedTerm the vocabulary term that matched (a lemma, compound part or phrase)
 * @param negated whether the user said it does not apply ("en myy alkoholia")
 * @param question whether it was mentioned in a question rather than a statement
 */
public record ConceptMention(
    String concept, String evidence, String matchedTerm, int sentence, boolean negated, boolean question) {}
