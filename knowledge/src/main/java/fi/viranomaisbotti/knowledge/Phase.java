package fi.viranomaisbotti.knowledge;

/**
 * Business life-cycle phases in the order a plan walks through them (seeds/000 section 4.1).
 * The order is used to sort plan steps that have no explicit prerequisite between them.
 */
public enum Phase {
  IDEA,
  FOUNDING,
  FUNDING,
  PERMITS,
  CONSTRUCTION,
  HIRING,
  MARKET_ENTRY,
  SKILLS,
  SUPERVISION,
  GROWTH,
  GENERATIONAL_CHANGE,
  SELLING,
  WINDING_DOWN
}
