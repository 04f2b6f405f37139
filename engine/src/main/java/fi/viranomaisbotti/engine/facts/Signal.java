package fi.viranomaisbotti.engine.facts;

import java.util.List;

/**
 * A statement about the customer's situation, as rules see it: a concept that applies, or
 * explicitly does not apply ({@code negated}), with the customer's words that said so.
 */
public final class Signal {
  private final String concept;
  private final boolean negated;
  private final List<String> evidence;
  private final Provenance provenance;

  public Signal(String concept, boolean negated, List<String> evidence, Provenance provenance) {
    this.concept = concept;
    this.negated = negated;
    this.evidence = List.copyOf(evidence);
    this.provenance = provenance;
  }

  public String getConcept() {
    return concept;
  }

  public boolean isNegated() {
    return negated;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  public Provenance getProvenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return (negated ? "not " : "") + concept + " " + evidence;
  }
}
