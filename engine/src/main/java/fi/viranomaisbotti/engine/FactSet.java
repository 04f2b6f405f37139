package fi.viranomaisbotti.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about a customer's situation, one fact per concept: the latest statement or
 * answer about a concept replaces what was known of it before, so "Aion sittenkin palkata" after
 * an answered "ei" counts, and so does an answer after a statement. Immutable.
 */
public final class FactSet {
  /** The fact key of the customer's municipality (its value is a {@link KnownFact.Place}). */
  public static final String MUNICIPALITY = "kunta";

  private static final FactSet EMPTY = new FactSet(Map.of());

  private final Map<String, KnownFact> byConcept;

  private FactSet(Map<String, KnownFact> byConcept) {
    this.byConcept = byConcept;
  }

  public static FactSet empty() {
    return EMPTY;
  }

  /** The facts in order; a later fact about a concept replaces an earlier one. */
  public static FactSet of(Collection<KnownFact> facts) {
    return EMPTY.with(facts);
  }

  /** These facts with the newer ones applied: each newer fact replaces the one about its concept. */
  public FactSet with(Collection<KnownFact> newer) {
    if (newer.isEmpty()) {
      return this;
    }
    Map<String, KnownFact> out = new LinkedHashMap<>(byConcept);
    for (KnownFact f : newer) {
      out.remove(f.concept());
      out.put(f.concept(), f);
    }
    return new FactSet(java.util.Collections.unmodifiableMap(out));
  }

  /** The facts, oldest first. */
  public List<KnownFact> facts() {
    return List.copyOf(byConcept.values());
  }

  public Optional<KnownFact> get(String concept) {
    return Optional.ofNullable(byConcept.get(concept));
  }

  public boolean contains(String concept) {
    return byConcept.containsKey(concept);
  }

  public Optional<String> municipalityCode() {
    return get(MUNICIPALITY).map(f -> ((KnownFact.Place) f.value()).municipalityCode());
  }

  public int size() {
    return byConcept.size();
  }

  public boolean isEmpty() {
    return byConcept.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FactSet other && other.byConcept.equals(byConcept);
  }

  @Override
  public int hashCode() {
    return byConcept.hashCode();
  }

  @Override
  public String toString() {
    return byConcept.values().toString();
  }
}
