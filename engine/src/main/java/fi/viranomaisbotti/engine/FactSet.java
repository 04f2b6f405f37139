package fi.viranomaisbotti.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about a customer's situation, one fact per concept and kind of value (whether
 * it applies, and how many): the latest statement or answer about a concept replaces what was
 * known of it before, so "Aion sittenkin palkata" after an answered "ei" counts, and so does an
 * answer after a statement. A possibility ("tarvitsenko anniskeluluvan?") does not replace what is
 * settled about the concept: asking about a thing said before does not unsay it. Immutable; two sets hold the same when their {@link #facts()} are equal.
 */
public final class FactSet {
  /** The fact key of the customer's municipality (its value is a {@link KnownFact.Place}). */
  public static final String MUNICIPALITY = "kunta";

  private static final FactSet EMPTY = new FactSet(Map.of());

  /** By concept, amounts under concept + {@link #AMOUNT_SUFFIX}, in the order first given. */
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

  /**
   * These facts with the newer ones applied: each newer fact replaces the one about its concept,
   * except that a possibility does not replace a settled fact.
   */
  public FactSet with(Collection<KnownFact> newer) {
    if (newer.isEmpty()) {
      return this;
    }
    Map<String, KnownFact> out = new LinkedHashMap<>(byConcept);
    for (KnownFact f : newer) {
      String key = key(f.concept(), f.value());
      KnownFact before = out.get(key);
      if (!f.value().certain() && before != null && before.value().certain()) {
        continue;
      }
      out.remove(key);
      out.put(key, f);
    }
    return new FactSet(java.util.Collections.unmodifiableMap(out));
  }

  /** The facts, oldest first. */
  public List<KnownFact> facts() {
    return List.copyOf(byConcept.values());
  }

  /** Whether the concept applies (yes, no, possible or existing), if that is known. */
  public Optional<KnownFact> yesNo(String concept) {
    return Optional.ofNullable(byConcept.get(concept));
  }

  /** How many or how much of the concept, if that is known. */
  public Optional<KnownFact> amount(String concept) {
    return Optional.ofNullable(byConcept.get(concept + AMOUNT_SUFFIX));
  }

  public Optional<KnownFact> municipality() {
    return Optional.ofNullable(byConcept.get(MUNICIPALITY));
  }

  public Optional<String> municipalityCode() {
    return municipality().map(f -> ((KnownFact.Place) f.value()).municipalityCode());
  }

  private static final String AMOUNT_SUFFIX = "#amount";

  private static String key(String concept, KnownFact.Value value) {
    return value instanceof KnownFact.Amount ? concept + AMOUNT_SUFFIX : concept;
  }

  public int size() {
    return byConcept.size();
  }

  public boolean isEmpty() {
    return byConcept.isEmpty();
  }

  @Override
  public String toString() {
    return byConcept.values().toString();
  }
}
