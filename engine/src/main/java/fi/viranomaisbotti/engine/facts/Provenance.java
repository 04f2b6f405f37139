package fi.viranomaisbotti.engine.facts;

/** Where a fact about the customer's situation came from. */
public enum Provenance {
  /** Said in the customer's own text. */
  STATED,
  /** Given as the answer to a clarifying question or as a changed fact in a what-if. */
  ANSWERED
}
