package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
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
 * needed before possible. Stateless.
 */
final class PlanBuilder {
  private PlanBuilder() {}

  static List<PlanStep> plan(
      List<Item> obligations, List<Item> services, Map<String, Phase> phases, Map<String, List<String>> prerequisites) {
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
    Comparator<Item> order =
        Comparator.comparing((Item i) -> phases.getOrDefault(i.id(), Phase.FOUNDING))
            .thenComparing(i -> !"needed".equals(i.certainty()))
            .thenComparing(i -> "service".equals(i.type()))
            .thenComparing(Item::name);
    PriorityQueue<Item> ready = new PriorityQueue<>(order);
    items.values().stream().filter(i -> waiting.get(i.id()) == 0).forEach(ready::add);
    List<PlanStep> steps = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (!ready.isEmpty()) {
      Item i = ready.poll();
      done.add(i.id());
      steps.add(new PlanStep(
          steps.size() + 1, i.id(), i.type(), i.name(), i.why(), phases.getOrDefault(i.id(), Phase.FOUNDING).name(),
          i.certainty(), after.get(i.id()), i.actorName(), i.leadTime()));
      for (String d : dependants.getOrDefault(i.id(), List.of())) {
        if (waiting.merge(d, -1, Integer::sum) == 0) {
          ready.add(items.get(d));
        }
      }
    }
    if (done.size() < items.size()) {
      throw new IllegalStateException("Prerequisites form a cycle among " + items.keySet().stream().filter(k -> !done.contains(k)).toList());
    }
    return steps;
  }
}
