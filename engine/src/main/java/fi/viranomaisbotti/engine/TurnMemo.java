package fi.viranomaisbotti.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What follows from a turn's facts alone ({@link fi.viranomaisbotti.engine.impl.Recommender#derive}:
 * the rule run, the counterfactuals, the items with their whys, the actors, the questions and the
 * plan), remembered per knowledge runtime and per everything it depends on: each fact given to the
 * rules in order (concept, value, provenance, the customer's words), the municipality and whether
 * it was answered, and the reply's language. A publish builds a new runtime and so starts an
 * empty memo; the old one goes with the old runtime. The turn's own parts (what the text named,
 * the classifier's suggestions, the related answers, the answer to a question) are never kept
 * here. The entries are immutable and shared between turns. Thread-safe.
 */
final class TurnMemo {
  /**
   * Bound on the parts (items, plan steps, questions, facts) of the remembered recommendations:
   * some 250 recommendations of the reference story's size (about 150 parts), or thousands of
   * short ones. A part holds a why, reasons with the customer's words and names mostly shared with
   * the snapshot; docs/benchmarks.md has the heap a full memo took under the load harness.
   */
  static final long MAX_PARTS = 40_000;

  /** Lookups answered from the memo or computed, counted over all runtimes of a process. */
  static final class Counts {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    long hits() {
      return hits.sum();
    }

    long misses() {
      return misses.sum();
    }

    long evictions() {
      return evictions.sum();
    }
  }

  private final Counts counts;
  private final boolean remembers;
  private final Cache<Key, Recommendation> memo;

  /** @param maxParts the bound (see {@link #MAX_PARTS}); 0 remembers nothing */
  TurnMemo(Counts counts, long maxParts) {
    this.counts = counts;
    this.remembers = maxParts > 0;
    this.memo = Caffeine.newBuilder()
        .maximumWeight(maxParts)
        .weigher((Key k, Recommendation r) -> parts(r))
        .evictionListener((Key k, Recommendation r, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
          if (cause.wasEvicted()) {
            counts.evictions.increment();
          }
        })
        .build();
  }

  Counts counts() {
    return counts;
  }

  /** The remembered derivation for these inputs, or {@code derive}'s, which is then remembered. */
  Recommendation get(TurnPipeline.RuleInput in, String language, Supplier<Recommendation> derive) {
    if (!remembers) {
      counts.misses.increment();
      return derive.get();
    }
    Key key = Key.of(in, language);
    Recommendation kept = memo.getIfPresent(key);
    if (kept != null) {
      counts.hits.increment();
      return kept;
    }
    counts.misses.increment();
    // Two turns of the same facts at once may both derive it; the second result replaces an equal first.
    Recommendation derived = derive.get();
    memo.put(key, derived);
    return derived;
  }

  /** The lookups of every runtime so far, and this memo's entries. */
  fi.viranomaisbotti.nlp.CacheStats stats() {
    return new fi.viranomaisbotti.nlp.CacheStats(counts.hits(), counts.misses(), counts.evictions(), memo.estimatedSize());
  }

  /** Entries held, for tests. */
  long size() {
    memo.cleanUp();
    return memo.estimatedSize();
  }

  private static int parts(Recommendation r) {
    return 1 + r.lifeEvents().size() + r.obligations().size() + r.services().size() + r.actors().size()
        + r.plan().size() + r.questions().size() + r.factSources().size();
  }

  /** Everything {@link fi.viranomaisbotti.engine.impl.Recommender#derive} reads from a turn. */
  private record Key(List<SignalKey> signals, List<QuantityKey> quantities, String municipality,
      boolean municipalityAnswered, String language) {

    static Key of(TurnPipeline.RuleInput in, String language) {
      return new Key(
          in.signals().stream().map(SignalKey::of).toList(),
          in.quantities().stream().map(QuantityKey::of).toList(),
          in.place() == null ? null : in.place().code(),
          in.placeAnswered(),
          language);
    }
  }

  private record SignalKey(String concept, boolean negated, boolean possible, boolean existing, Provenance provenance,
      List<String> evidence) {
    static SignalKey of(Signal s) {
      return new SignalKey(s.getConcept(), s.isNegated(), s.isPossible(), s.isExisting(), s.getProvenance(),
          s.getEvidence());
    }
  }

  private record QuantityKey(String concept, double value, Provenance provenance, List<String> evidence) {
    static QuantityKey of(Quantity q) {
      return new QuantityKey(q.getConcept(), q.getValue(), q.getProvenance(), q.getEvidence());
    }
  }
}
