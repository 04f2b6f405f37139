package fi.viranomaisbotti.engine;

/**
 * An item an answer is related to, named so that an integrator can show it without another
 * request.
 *
 * @param kind actor, obligation, service, event or answer ("item" when the index was built
 *     without the knowledge snapshot, as in benchmarks)
 * @param name the Finnish name
 */
public record RelatedItem(String id, String kind, String name) {}
