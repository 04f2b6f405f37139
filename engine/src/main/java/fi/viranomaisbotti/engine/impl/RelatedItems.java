package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.RelatedItem;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The items answers are related to, with their kind and Finnish name. Immutable; thread-safe. */
final class RelatedItems {
  private final Map<String, RelatedItem> byId;

  RelatedItems(Collection<Answer> answers, Function<String, String> nameOf, Function<String, String> kindOf) {
    Map<String, RelatedItem> related = new LinkedHashMap<>();
    answers.forEach(a -> a.related().forEach(
        r -> related.computeIfAbsent(r, id -> new RelatedItem(id, kindOf.apply(id), nameOf.apply(id)))));
    this.byId = Map.copyOf(related);
  }

  /** The kind of a knowledge item by the map it is in: actor, obligation, service, event, answer or item. */
  static String kindOf(KnowledgeSnapshot k, String id) {
    if (k.actors().containsKey(id)) {
      return "actor";
    } else if (k.obligations().containsKey(id)) {
      return "obligation";
    } else if (k.services().containsKey(id)) {
      return "service";
    } else if (k.events().containsKey(id)) {
      return "event";
    } else if (k.answers().containsKey(id)) {
      return "answer";
    }
    return "item";
  }

  /** The items an answer is related to, in the order of its related ids. */
  List<RelatedItem> of(Answer a) {
    return a.related().stream()
        .map(id -> byId.getOrDefault(id, new RelatedItem(id, "item", "")))
        .toList();
  }

  /** The Finnish names of the items an answer is related to, for the index's "related" field. */
  List<String> names(Answer a) {
    return a.related().stream().map(r -> byId.get(r).name()).toList();
  }
}
