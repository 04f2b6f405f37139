package fi.viranomaisbotti.nlp;

/**
 * A life or business event the user's words suggest, from a classifier rather than from
 * matched concepts.
 *
 * @param event the event id from the knowledge (e.g. "ravintolan-perustaminen")
 * @param confidence the classifier's probability, between 0 and 1
 */
public record EventSignal(String event, double confidence) {}
