package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.knowledge.Situation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs regression situations through a navigator and compares plans between two knowledge
 * versions: what the editor shows before publishing. Stateless.
 */
public final class Regression {
  private Regression() {}

  /**
   * The outcome of one situation.
   *
   * @param missing required items the plan lacks, and items the plan holds with another certainty
   *     than the situation states, as "id (needed, but the plan has it as possible)"
   * @param unwanted forbidden items the plan has
   */
  public record Outcome(String situation, List<String> missing, List<String> unwanted) {
    public boolean passed() {
      return missing.isEmpty() && unwanted.isEmpty();
    }
  }

  /**
   * How one situation's plan changes between two versions.
   *
   * @param changed items whose certainty changed, as "id: needed → possible"
   */
  public record PlanChange(String situation, List<String> added, List<String> removed, List<String> changed) {
    public boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  public static List<Outcome> run(Navigator navigator) {
    return navigator.knowledge().situations().stream().map(s -> check(navigator, s)).toList();
  }

  /**
   * Runs one situation: which required items the plan lacks or holds with another certainty than
   * stated, and which forbidden ones it has.
   */
  public static Outcome check(Navigator navigator, Situation s) {
    Map<String, String> plan = certainties(navigator.recommend(s.text(), s.facts()));
    List<String> missing = new ArrayList<>();
    s.required().stream().filter(id -> !plan.containsKey(id)).forEach(missing::add);
    missing.addAll(certaintyMismatches(plan, s.needed(), NEEDED));
    missing.addAll(certaintyMismatches(plan, s.possible(), POSSIBLE));
    return new Outcome(s.id(), missing, s.forbidden().stream().filter(plan::containsKey).toList());
  }

  private static final String NEEDED = "needed";
  private static final String POSSIBLE = "possible";

  private static List<String> certaintyMismatches(Map<String, String> plan, List<String> ids, String expected) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      String actual = plan.get(id);
      if (actual == null) {
        out.add(id + " (" + expected + ", but the plan lacks it)");
      } else if (!actual.equals(expected)) {
        out.add(id + " (" + expected + ", but the plan has it as " + actual + ")");
      }
    }
    return out;
  }

  /** Every event, obligation, actor and service of a recommendation. */
  public static List<Item> items(Recommendation r) {
    List<Item> all = new ArrayList<>();
    for (List<Item> list : List.of(r.lifeEvents(), r.obligations(), r.actors(), r.services())) {
      all.addAll(list);
    }
    return all;
  }

  /** Plan changes for every situation of the newer version, run on both versions. */
  public static List<PlanChange> diff(Navigator before, Navigator after) {
    List<PlanChange> out = new ArrayList<>();
    for (Situation s : after.knowledge().situations()) {
      Map<String, String> a = certainties(before.recommend(s.text(), knownTo(before, s.facts())));
      Map<String, String> b = certainties(after.recommend(s.text(), s.facts()));
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      Set<String> ids = new TreeSet<>(a.keySet());
      ids.addAll(b.keySet());
      for (String id : ids) {
        if (!a.containsKey(id)) {
          added.add(id);
        } else if (!b.containsKey(id)) {
          removed.add(id);
        } else if (!a.get(id).equals(b.get(id))) {
          changed.add(id + ": " + a.get(id) + " → " + b.get(id));
        }
      }
      out.add(new PlanChange(s.id(), added, removed, changed));
    }
    return out;
  }

  /** Facts the older version does not know (a concept added since) are left out for it. */
  private static Map<String, Object> knownTo(Navigator n, Map<String, Object> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    facts.forEach((k, v) -> {
      if (n.knowledge().concepts().containsKey(k) || k.equals(Navigator.MUNICIPALITY_FACT)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static Map<String, String> certainties(Recommendation r) {
    Map<String, String> out = new LinkedHashMap<>();
    items(r).forEach(i -> out.put(i.id(), i.certainty()));
    return out;
  }
}
