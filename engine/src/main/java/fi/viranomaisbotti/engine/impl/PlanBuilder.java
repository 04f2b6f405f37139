package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import fi.viranomaisbotti.knowledge.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders obligations and services into steps: prerequisites first, then by life-cycle phase,
 * needed before possible. Each step gets a stage (its depth among prerequisites) so that steps
 * of one stage can run in parallel. Steps caught in a prerequisite loop (a deal breaker: a
 * funding decision waiting for a permit that waits for the funding) are not dropped: they are
 * placed after everything else, flagged, and explained. Stateless.
 */
final class PlanBuilder {
  /** The plan, and the loops found in it (each as the ids involved). */
  record Plan(List<PlanStep> steps, List<List<String>> cycles) {}

  private PlanBuilder() {}

  static Plan plan(
      List<Item> obligations,
      List<Item> services,
      Map<String, Phase> phases,
      Map<String, List<String>> prerequisites,
      Map<String, String> deadlines) {
    Map<String, Item> items = new LinkedHashMap<>();
    obligations.forEach(i -> items.put(i.id(), i));
    services.forEach(i -> items.put(i.id(), i));
    Map<String, List<String>> after = new HashMap<>();
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependants = new HashMap<>();
    for (Item i : items.values()) {
      List<String> pre = prerequisites.getOrDefault(i.id(), List.of()).stream().filter(items::containsKey).toList();
      after.put(i.id(), pre);
      waiting.put(i.id(), pre.size());
      pre.forEach(p -> dependants.computeIfAbsent(p, k -> new ArrayList<>()).add(i.id()));
    }
    // Private and membership services come after every statutory step that can be taken at the
    // same point: the permits, notices and public services are what the customer must do.
    Comparator<Item> order =
        Comparator.comparing((Item i) -> offered(i))
            .thenComparing(i -> phases.getOrDefault(i.id(), Phase.FOUNDING))
            .thenComparing(i -> !"needed".equals(i.certainty()))
            .thenComparing(i -> "service".equals(i.type()))
            .thenComparing(Item::name);
    PriorityQueue<Item> ready = new PriorityQueue<>(order);
    items.values().stream().filter(i -> waiting.get(i.id()) == 0).forEach(ready::add);
    List<PlanStep> steps = new ArrayList<>();
    Map<String, Integer> stage = new HashMap<>();
    Set<String> done = new HashSet<>();
    while (!ready.isEmpty()) {
      Item i = ready.poll();
      done.add(i.id());
      int s = 1 + after.get(i.id()).stream().mapToInt(p -> stage.getOrDefault(p, 0)).max().orElse(0);
      stage.put(i.id(), s);
      steps.add(step(steps.size() + 1, s, i, phases, after, deadlines, false));
      for (String d : dependants.getOrDefault(i.id(), List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(items.get(d));
        }
      }
    }
    List<Item> stuck = items.values().stream().filter(i -> !done.contains(i.id())).sorted(order).toList();
    int lastStage = steps.stream().mapToInt(PlanStep::stage).max().orElse(0) + 1;
    for (Item i : stuck) {
      steps.add(step(steps.size() + 1, lastStage, i, phases, after, deadlines, true));
    }
    return new Plan(markCritical(steps, stage, after), cycles(stuck, after));
  }

  /**
   * Marks the critical path: from the deepest step back through the prerequisite one stage
   * shallower, so the chain that sets the earliest finish. Only chains of two or more steps count.
   */
  private static List<PlanStep> markCritical(List<PlanStep> steps, Map<String, Integer> stage, Map<String, List<String>> after) {
    PlanStep deepest = steps.stream().filter(s -> !s.cycle()).max(Comparator.comparingInt(PlanStep::stage)).orElse(null);
    if (deepest == null || deepest.stage() < 2) {
      return steps;
    }
    Set<String> critical = new HashSet<>();
    String cur = deepest.id();
    while (cur != null) {
      critical.add(cur);
      int s = stage.get(cur);
      cur = after.get(cur).stream().filter(p -> stage.getOrDefault(p, 0) == s - 1).findFirst().orElse(null);
    }
    List<PlanStep> out = new ArrayList<>();
    for (PlanStep p : steps) {
      out.add(critical.contains(p.id())
          ? new PlanStep(p.order(), p.stage(), p.id(), p.type(), p.name(), p.why(), p.phase(), p.certainty(), p.after(),
              p.actorName(), p.leadTime(), p.deadline(), p.cycle(), true)
          : p);
    }
    return out;
  }

  private static PlanStep step(
      int order, int stage, Item i, Map<String, Phase> phases, Map<String, List<String>> after,
      Map<String, String> deadlines, boolean cycle) {
    return new PlanStep(
        order, stage, i.id(), i.type(), i.name(), i.why(), phases.getOrDefault(i.id(), Phase.FOUNDING).name(),
        i.certainty(), after.get(i.id()), i.actorName(), leadTime(i), deadlines.get(i.id()), cycle, false);
  }

  /** A service someone other than the public sector provides: a private firm or an association. */
  private static boolean offered(Item i) {
    return i.details() instanceof Provision p && !"public".equals(p.kind());
  }

  private static String leadTime(Item i) {
    return i.details() instanceof Handling h ? h.leadTime() : null;
  }

  /** The loops among the stuck steps, each listed once, following prerequisite links. */
  private static List<List<String>> cycles(List<Item> stuck, Map<String, List<String>> after) {
    Set<String> stuckIds = new HashSet<>();
    stuck.forEach(i -> stuckIds.add(i.id()));
    Set<String> reported = new HashSet<>();
    List<List<String>> out = new ArrayList<>();
    for (Item start : stuck) {
      List<String> path = new ArrayList<>();
      String cur = start.id();
      while (cur != null && !path.contains(cur)) {
        path.add(cur);
        cur = after.get(cur).stream().filter(stuckIds::contains).findFirst().orElse(null);
      }
      if (cur != null) {
        List<String> loop = path.subList(path.indexOf(cur), path.size());
        if (loop.stream().noneMatch(reported::contains)) {
          reported.addAll(loop);
          out.add(List.copyOf(loop));
        }
      }
    }
    return out;
  }
}
