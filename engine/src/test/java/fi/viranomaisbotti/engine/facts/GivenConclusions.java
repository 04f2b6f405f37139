package fi.viranomaisbotti.engine.facts;

import java.util.Set;

/**
 * Test fixture: conclusions handed to the rules as already drawn, including possible ones, which
 * only the rules themselves can otherwise make.
 */
public final class GivenConclusions {
  private GivenConclusions() {}

  /** A conclusion that may apply, settled by the answer about {@code concept}. */
  public static Conclusion possible(String kind, String id, String concept) {
    Conclusion c = new Conclusion(kind, id, Certainty.POSSIBLE);
    c.addDependsOn(Set.of(concept));
    return c;
  }
}
