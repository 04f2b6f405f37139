package fi.viranomaisbotti.engine.facts;

import java.util.List;

/**
 * A statement about the customer's situation, as rules see it: a concept that applies, or
 * explicitly does not apply ({@code negated}), with the customer's words that said so. A concept
 * that applies may be only {@code possible} (asked about or supposed: "jos palkkaan…",
 * "tarvitsenko anniskeluluvan?"), in which case whatever a rule derives from it is possible and
 * depends on it; or {@code existing} (the customer has it already: "minulla on jo kahvila"), in
 * which case rules that found or start it do not fire.
 */
public final class Signal {
  private final String concept;
  private final boolean negated;
  private final boolean possible;
  private final boolean existing;
  private final List<String> evidence;
  private final Provenance provenance;

  public Signal(String concept, boolean negated, List<String> evidence, Provenance provenance) {
    this(concept, negated, false, false, evidence, provenance);
  }

  private Signal(String concept, boolean negated, boolean possible, boolean existing, List<String> evidence, Provenance provenance) {
    this.concept = concept;
    this.negated = negated;
    this.possible = possible;
    this.existing = existing;
    this.evidence = List.copyOf(evidence);
    this.provenance = provenance;
  }

  /** The concept may apply; the customer's answer about it settles what follows from it. */
  public static Signal possible(String concept, List<String> evidence, Provenance provenance) {
    return new Signal(concept, false, true, false, evidence, provenance);
  }

  /** The concept applies already: there is nothing to found or start for it. */
  public static Signal existing(String concept, List<String> evidence, Provenance provenance) {
    return new Signal(concept, false, false, true, evidence, provenance);
  }

  public String getConcept() {
    return concept;
  }

  public boolean isNegated() {
    return negated;
  }

  public boolean isPossible() {
    return possible;
  }

  public boolean isExisting() {
    return existing;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  public Provenance getProvenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return (negated ? "not " : possible ? "maybe " : existing ? "existing " : "") + concept + " " + evidence;
  }
}
