package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * Why an item is in the recommendation: every rule that produced it, with its plain statement
 * and the customer's words that triggered it.
 */
public record Explained(String rule, String statement, List<String> evidence) {
  public Explained {
    evidence = List.copyOf(evidence);
  }
}
