package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.WordAnalysis;

/**
 * A possible lemma of a word: one of the analyser's readings, or a form derived from one.
 *
 * @param kind how the candidate was made
 * @param lemma the lemma in Universal Dependencies convention, lower case, compared with the gold
 *     lemma in training and evaluation
 * @param reading the analyser's reading it comes from, or null for the word itself and guesses
 */
record LemmaCandidate(Kind kind, String lemma, WordAnalysis reading) {

  /** How a candidate was made; the code is used in feature names and must stay stable. */
  enum Kind {
    /** One of the analyser's readings, with its own base form. */
    READING("R"),
    /** The verb of a participle reading ("tehtyä": tehdä). */
    PARTICIPLE_VERB("V"),
    /** The -minen noun of an action-noun reading ("tekemisen": tekeminen). */
    ACTION_NOUN("M"),
    /** A reading's base form rewritten the way the training data lemmatises it ("ne": se). */
    REWRITE("W"),
    /** A compound whose head is rewritten as the head alone is ("edellisvaali": edellisvaalit). */
    HEAD_REWRITE("D"),
    /**
     * A hyphenated compound with its boundary written as in UD_Finnish-TDT ("kuorma-auto":
     * kuorma#auto), or a part written with a hyphen alone without it ("-listalla": lista;
     * "talous-": talous).
     */
    HYPHEN("H"),
    /** The word itself, for adverbs and adpositions read as inflected nouns ("lopulta"). */
    FORM("F"),
    /** The word without its clitic ("todellakaan": todella). */
    WITHOUT_CLITIC("C"),
    /** A word the analyser does not know, or it without a learnt ending ("Arduinolla": arduino). */
    GUESS("G");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
