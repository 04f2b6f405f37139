package fi.viranomaisbotti.engine.facts;

/** How sure the rules are that an item applies to the customer. */
public enum Certainty {
  /** Applies on what the customer has said. */
  NEEDED,
  /** Applies or not depending on facts not yet known; {@link Conclusion#getDependsOn()} names them. */
  POSSIBLE
}
