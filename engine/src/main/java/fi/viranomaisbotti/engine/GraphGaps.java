package fi.viranomaisbotti.engine;

import java.util.List;

/**
 * What the ecosystem map lacks, for knowledge editors: each list names items to look at.
 *
 * @param at the day the actors' validity is judged on (ISO date)
 * @param eventsWithoutItems life events whose rules bring no obligation or service
 * @param itemsNoRuleReaches obligations and services that no rule concludes
 * @param itemsNoEventReaches obligations and services that rules conclude, but not from any event
 * @param retiredActorsWithoutSuccessor actors past their validity on {@code at} with no successor
 * @param servicesWithoutProvider services whose provider is unknown or, through its successors,
 *     not in force on {@code at}
 */
public record GraphGaps(
    String knowledgeVersion,
    String at,
    List<Gap> eventsWithoutItems,
    List<Gap> itemsNoRuleReaches,
    List<Gap> itemsNoEventReaches,
    List<Gap> retiredActorsWithoutSuccessor,
    List<Gap> servicesWithoutProvider) {

  public GraphGaps {
    eventsWithoutItems = List.copyOf(eventsWithoutItems);
    itemsNoRuleReaches = List.copyOf(itemsNoRuleReaches);
    itemsNoEventReaches = List.copyOf(itemsNoEventReaches);
    retiredActorsWithoutSuccessor = List.copyOf(retiredActorsWithoutSuccessor);
    servicesWithoutProvider = List.copyOf(servicesWithoutProvider);
  }

  /** One item to look at, with why, in plain words. */
  public record Gap(String id, String kind, String name, String note) {}
}
