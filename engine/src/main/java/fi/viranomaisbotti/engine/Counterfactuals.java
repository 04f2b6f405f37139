package fi.viranomaisbotti.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.engine.impl.RuleBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each needed item, the first stated concept (in the order of the facts) whose denial would
 * remove it: the rules run again once per positive stated concept, with that concept denied.
 * Three things keep that cheap without changing the answer. The re-runs derive only which items
 * apply ({@link RuleBase#concludedIds}), not the reasons and words, which no rule reads. They stop
 * once every needed item has its concept, as a later concept could not replace it. And the
 * answer, which depends only on the concepts, their yes/no and amounts and which were stated (not
 * on the customer's words), is kept per fact set for the runtime's knowledge version. Thread-safe.
 */
final class Counterfactuals {
  /**
   * Fact sets remembered per knowledge version. An entry is a few dozen ids (a few kilobytes),
   * so the bound keeps the cache near 10 MB.
   */
  static final int CACHE_SIZE = 4_096;

  private final RuleBase rules;
  private final Cache<Key, Map<String, String>> cache =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

  Counterfactuals(RuleBase rules) {
    this.rules = rules;
  }

  /**
   * Needed item id → the concept whose denial would remove it, for the facts given to the rules
   * and what they concluded.
   */
  Map<String, String> deciding(List<Signal> signals, List<Quantity> quantities, Collection<Conclusion> conclusions) {
    return cache.get(key(signals, quantities), k -> compute(signals, quantities, conclusions));
  }

  private Map<String, String> compute(List<Signal> signals, List<Quantity> quantities, Collection<Conclusion> conclusions) {
    Set<String> needed = new LinkedHashSet<>();
    conclusions.stream().filter(Conclusion::isNeeded).forEach(c -> needed.add(c.getId()));
    Map<String, String> out = new HashMap<>();
    for (Signal s : signals) {
      if (out.size() == needed.size()) {
        break;
      }
      // Only what the customer said applies has a counterfactual; a possibility is still open.
      if (s.isNegated() || s.isPossible() || s.getProvenance() != Provenance.STATED) {
        continue;
      }
      List<Object> denied = new ArrayList<>(quantities);
      for (Signal other : signals) {
        denied.add(other == s ? new Signal(s.getConcept(), true, List.of(), Provenance.ANSWERED) : other);
      }
      Set<String> remaining = rules.concludedIds(denied);
      for (String id : needed) {
        if (!remaining.contains(id)) {
          out.putIfAbsent(id, s.getConcept());
        }
      }
    }
    return Map.copyOf(out);
  }

  /** What the answer depends on: each fact's concept and value, and which were stated, in order. */
  private record Key(List<SignalKey> signals, List<QuantityKey> quantities) {}

  private record SignalKey(String concept, boolean negated, boolean possible, boolean existing, boolean stated) {}

  private record QuantityKey(String concept, double value) {}

  private static Key key(List<Signal> signals, List<Quantity> quantities) {
    return new Key(
        signals.stream().map(s -> new SignalKey(s.getConcept(), s.isNegated(), s.isPossible(), s.isExisting(), s.getProvenance() == Provenance.STATED)).toList(),
        quantities.stream().map(q -> new QuantityKey(q.getConcept(), q.getValue())).toList());
  }
}
