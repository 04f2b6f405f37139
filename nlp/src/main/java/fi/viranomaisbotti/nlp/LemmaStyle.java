package fi.viranomaisbotti.nlp;

/**
 * Which base form a token gets once its reading is chosen. The reading is chosen the same way in
 * both styles; only the form written as the lemma differs.
 */
public enum LemmaStyle {
  /**
   * The chosen reading's own base form, as the morphology gives it: a participle stays a
   * participle ("tehtyä" → tehty), an action noun is read as its verb ("tekemisen" → tehdä), "ne"
   * stays "ne". The default for the chat and the search index, where "vuokrattu" and "tehty" are
   * words people search for.
   */
  READING,
  /**
   * The conventions of the Universal Dependencies Finnish treebanks: a participle is lemmatised to
   * its verb ("tehtyä" → tehdä), an action noun to the -minen noun ("tekemisen" → tekeminen), and
   * forms the treebanks lemmatise differently from Voikko (plural pronouns "ne" → se, "he" → hän)
   * through the rewrites learnt from them. Used to measure lemma accuracy against UD.
   */
  UNIVERSAL_DEPENDENCIES
}
