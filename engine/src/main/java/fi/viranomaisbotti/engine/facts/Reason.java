package fi.viranomaisbotti.engine.facts;

import java.util.List;

/**
 * Why a rule concluded something.
 *
 * @param rule the rule's id (its DRL name)
 * @param statement the rule's business fact in one plain sentence
 * @param evidence the customer's own words behind it, directly or through earlier conclusions
 * @param premises keys ("event:kotielaintuotanto") of the conclusions the rule built on
 */
public record Reason(String rule, String statement, List<String> evidence, List<String> premises) {
  public Reason {
    evidence = List.copyOf(evidence);
    premises = List.copyOf(premises);
  }
}
