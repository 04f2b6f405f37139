package fi.viranomaisbotti.engine.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Something the rules derived: an event, obligation or service that applies, with every reason
 * found for it. Rules match on {@code kind} and {@code id}; the rest accumulates as rules fire.
 * Not thread-safe: lives inside one rule session.
 */
public final class Conclusion {
  private final String kind;
  private final String id;
  private Certainty certainty;
  private final Set<String> dependsOn = new LinkedHashSet<>();
  private final List<Reason> reasons = new ArrayList<>();

  Conclusion(String kind, String id, Certainty certainty) {
    this.kind = kind;
    this.id = id;
    this.certainty = certainty;
  }

  /**
   * A conclusion given to the rules from outside, to ask what follows from it alone (for
   * example, which items an event brings in any case).
   */
  public static Conclusion given(String kind, String id) {
    return new Conclusion(kind, id, Certainty.NEEDED);
  }

  public String getKind() {
    return kind;
  }

  public String getId() {
    return id;
  }

  public Certainty getCertainty() {
    return certainty;
  }

  public boolean isNeeded() {
    return certainty == Certainty.NEEDED;
  }

  /** The concepts whose answers settle a possible item, in the order the rules named them. */
  public Set<String> getDependsOn() {
    // Set.copyOf would shuffle the order from run to run, and with it the item's wording.
    return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
  }

  public List<Reason> getReasons() {
    return List.copyOf(reasons);
  }

  /** Every word of the customer's that led here, through all reasons. */
  public List<String> evidence() {
    Set<String> all = new LinkedHashSet<>();
    reasons.forEach(r -> all.addAll(r.evidence()));
    return List.copyOf(all);
  }

  public String key() {
    return kind + ":" + id;
  }

  void addReason(Reason r) {
    reasons.add(r);
  }

  /** Adds this conclusion's dependsOn to {@code into}, without the copy {@link #getDependsOn} makes. */
  void addDependsOnTo(Set<String> into) {
    into.addAll(dependsOn);
  }

  void addDependsOn(Set<String> concepts) {
    dependsOn.addAll(concepts);
  }

  void upgradeToNeeded() {
    certainty = Certainty.NEEDED;
    dependsOn.clear();
  }

  @Override
  public String toString() {
    return key() + " (" + certainty + (dependsOn.isEmpty() ? "" : " on " + dependsOn) + ")";
  }
}
