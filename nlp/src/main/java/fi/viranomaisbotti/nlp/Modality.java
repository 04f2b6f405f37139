package fi.viranomaisbotti.nlp;

/**
 * How the user put what a word says: as a plain statement, denied, asked or only supposed.
 * Questions and conditionals are uncertain: neither a yes nor a no.
 */
public enum Modality {
  /** Said as a fact: "avaan kahvilan". */
  STATEMENT,
  /** Said not to apply: "en myy alkoholia". */
  NEGATED,
  /** Asked: "tarvitsenko anniskeluluvan?", "pitääkö…". */
  QUESTION,
  /** Supposed or hedged: "jos palkkaan", "saattaisin palkata", "ehkä". */
  CONDITIONAL;

  /** Whether the engine may take this as a yes or a no. */
  public boolean isCertain() {
    return this == STATEMENT || this == NEGATED;
  }
}
