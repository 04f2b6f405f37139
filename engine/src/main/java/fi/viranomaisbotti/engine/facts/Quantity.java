package fi.viranomaisbotti.engine.facts;

import java.util.List;

/**
 * A number in the customer's situation, such as the size of an event's audience, as rules see
 * it: the concept it measures and its value, with the words or answer that gave it.
 */
public final class Quantity {
  private final String concept;
  private final double value;
  private final List<String> evidence;
  private final Provenance provenance;

  public Quantity(String concept, double value, List<String> evidence, Provenance provenance) {
    this.concept = concept;
    this.value = value;
    this.evidence = List.copyOf(evidence);
    this.provenance = provenance;
  }

  public String getConcept() {
    return concept;
  }

  public double getValue() {
    return value;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  public Provenance getProvenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return concept + "=" + value;
  }
}
