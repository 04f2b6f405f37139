package fi.viranomaisbotti.nlp;

import java.util.Objects;

/**
 * A knowledge concept found in the text.
 *
 * @param concept the concept id from the vocabulary
 * @param evidence the user's own words that expressed it
 * @param matchedTerm the vocabulary term that matched (a lemma, compound part or phrase)
 * @param negated whether the words are inside the scope of a negation ("en myy alkoholia"); also
 *     true in a negated question or condition, so read {@link #modality()} first
 * @param question whether it was mentioned in a question rather than a statement
 * @param modality statement, negated, question or conditional: the one to act on
 * @param deferred whether the user put it off rather than ruled it out: "ei vielä", "vasta ensi
 *     vuonna", "myöhemmin"
 * @param existing whether the user has it already: "minulla on jo kahvila", "olen jo
 *     rekisteröitynyt"
 */
public record ConceptMention(
    String concept,
    String evidence,
    String matchedTerm,
    int sentence,
    boolean negated,
    boolean question,
    Modality modality,
    boolean deferred,
    boolean existing) {

  public ConceptMention {
    Objects.requireNonNull(modality, "modality");
  }

  /** A mention whose modality follows from the two flags; not deferred. */
  public ConceptMention(
      String concept, String evidence, String matchedTerm, int sentence, boolean negated, boolean question) {
    this(
        concept,
        evidence,
        matchedTerm,
        sentence,
        negated,
        question,
        question ? Modality.QUESTION : negated ? Modality.NEGATED : Modality.STATEMENT,
        false,
        false);
  }

  /** A mention with the given modality; the flags follow from it and from the negation scope. */
  public static ConceptMention of(
      String concept, String evidence, String matchedTerm, int sentence, boolean inNegation, Modality modality, boolean deferred) {
    return of(concept, evidence, matchedTerm, sentence, inNegation, modality, deferred, false);
  }

  /** A mention with the given modality, of something the user may have already. */
  public static ConceptMention of(
      String concept, String evidence, String matchedTerm, int sentence, boolean inNegation, Modality modality, boolean deferred,
      boolean existing) {
    return new ConceptMention(
        concept, evidence, matchedTerm, sentence, inNegation, modality == Modality.QUESTION, modality, deferred, existing);
  }
}
