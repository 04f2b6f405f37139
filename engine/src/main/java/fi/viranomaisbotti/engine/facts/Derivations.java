package fi.viranomaisbotti.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rules' outlet, bound as the DRL global {@code out}. A rule calls {@link #need} or {@link
 * #maybe} with its {@code kcontext}; each item is inserted once, so rules can chain on it, and
 * later reasons are added to it. An item derived from a possible premise (a possible conclusion,
 * or a signal the customer only asked about or supposed) is itself possible.
 * Not thread-safe: one instance per rule session.
 */
public final class Derivations {
  private final Map<String, Conclusion> byKey = new LinkedHashMap<>();
  private final boolean explained;

  /** Derivations with every reason and the customer's words behind it. */
  public Derivations() {
    this(true);
  }

  /**
   * @param explained false to derive only which items apply and how certainly, without reasons or
   *     evidence: what a counterfactual run needs, at a fraction of the cost. Rules match only on
   *     kind, id and dependsOn, so the same rules fire either way.
   */
  public Derivations(boolean explained) {
    this.explained = explained;
  }

  /** The item applies, because of the given signals and conclusions. */
  public void need(RuleContext ctx, String kind, String id, Object... because) {
    derive(ctx, kind, id, Set.of(), because);
  }

  /** The item may apply; the answer about {@code dependsOn} (a concept id) settles it. */
  public void maybe(RuleContext ctx, String kind, String id, String dependsOn, Object... because) {
    derive(ctx, kind, id, Set.of(dependsOn), because);
  }

  public Collection<Conclusion> conclusions() {
    return List.copyOf(byKey.values());
  }

  private void derive(RuleContext ctx, String kind, String id, Set<String> dependsOn, Object[] because) {
    if (!explained) {
      deriveUnexplained(ctx, kind, id, dependsOn, because);
      return;
    }
    Set<String> deps = new LinkedHashSet<>(dependsOn);
    Set<String> evidence = new LinkedHashSet<>();
    List<String> premises = new ArrayList<>();
    for (Object b : because) {
      if (b instanceof Signal s) {
        evidence.addAll(s.getEvidence());
        if (s.isPossible()) {
          deps.add(s.getConcept());
        }
      } else if (b instanceof Quantity q) {
        evidence.addAll(q.getEvidence());
      } else if (b instanceof Conclusion c) {
        premises.add(c.key());
        evidence.addAll(c.evidence());
        deps.addAll(c.getDependsOn());
      } else {
        throw new IllegalArgumentException(
            "Rule '" + ctx.getRule().getName() + "' passed " + b + "; pass Signal, Quantity or Conclusion facts");
      }
    }
    Certainty certainty = deps.isEmpty() ? Certainty.NEEDED : Certainty.POSSIBLE;
    Map<String, Object> meta = ctx.getRule().getMetaData();
    Reason reason =
        new Reason(ctx.getRule().getName(), text(meta.get("statement")), List.copyOf(evidence), premises);
    String key = kind + ":" + id;
    Conclusion existing = byKey.get(key);
    if (existing == null) {
      Conclusion c = new Conclusion(kind, id, certainty);
      c.addReason(reason);
      c.addDependsOn(deps);
      byKey.put(key, c);
      ctx.getKieRuntime().insert(c);
      return;
    }
    existing.addReason(reason);
    if (!existing.isNeeded()) {
      if (certainty == Certainty.NEEDED) {
        existing.upgradeToNeeded();
        FactHandle handle = ctx.getKieRuntime().getFactHandle(existing);
        ctx.getKieRuntime().update(handle, existing);
      } else {
        existing.addDependsOn(deps);
      }
    }
  }

  /** As {@link #derive}, with the same certainty and dependsOn, but no reasons. */
  private void deriveUnexplained(RuleContext ctx, String kind, String id, Set<String> dependsOn, Object[] because) {
    Set<String> deps = new LinkedHashSet<>(dependsOn);
    for (Object b : because) {
      if (b instanceof Conclusion c) {
        c.addDependsOnTo(deps);
      } else if (!(b instanceof Signal || b instanceof Quantity)) {
        throw new IllegalArgumentException(
            "Rule '" + ctx.getRule().getName() + "' passed " + b + "; pass Signal, Quantity or Conclusion facts");
      }
    }
    String key = kind + ":" + id;
    Conclusion existing = byKey.get(key);
    if (existing == null) {
      Conclusion c = new Conclusion(kind, id, deps.isEmpty() ? Certainty.NEEDED : Certainty.POSSIBLE);
      c.addDependsOn(deps);
      byKey.put(key, c);
      ctx.getKieRuntime().insert(c);
    } else if (!existing.isNeeded()) {
      if (deps.isEmpty()) {
        existing.upgradeToNeeded();
        ctx.getKieRuntime().update(ctx.getKieRuntime().getFactHandle(existing), existing);
      } else {
        existing.addDependsOn(deps);
      }
    }
  }

  /** Rule metadata values may keep their DRL quotes; strip them. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString().strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }
}
