package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A permit, notification, registration, insurance, report or self-monitoring duty that applies
 * when the rules say so.
 *
 * @param actor id of the competent actor
 * @param legalBasis statute and section, e.g. "Ympäristönsuojelulaki 527/2014 27 §"
 * @param prerequisites ids of obligations that must be done first
 * @param leadTime how long it typically takes, in the customer's words, or null when unknown
 * @param deadline a statutory deadline in plain words ("viimeistään 4 viikkoa ennen toiminnan
 *     aloittamista"), only when verified; null otherwise
 * @param conditions when the obligation applies, in plain Finnish; thresholds named here only
 *     when verified
 * @param alandActor id of the actor competent in Åland, where Åland's own legislation or
 *     administration gives the task to another authority; null when the same actor serves Åland
 * @param timing the lead time or deadline in a form a calendar can use, only where the cited text
 *     gives a period; null otherwise
 */
public record Obligation(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) ObligationKind kind,
    @JsonProperty(required = true) LocalizedText name,
    String description,
    @JsonProperty(required = true) String actor,
    String legalBasis,
    @JsonProperty(required = true) Phase phase,
    List<String> prerequisites,
    String leadTime,
    String deadline,
    String eService,
    String conditions,
    Ptv ptv,
    String alandActor,
    @JsonProperty(required = true) Meta meta,
    Timing timing)
    implements Item {

  public Obligation {
    prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    ptv = ptv == null ? Ptv.NONE : ptv;
  }

  /** An obligation whose time the corpus gives only in words, if at all. */
  public Obligation(String id, ObligationKind kind, LocalizedText name, String description, String actor, String legalBasis,
      Phase phase, List<String> prerequisites, String leadTime, String deadline, String eService, String conditions, Ptv ptv,
      Meta meta) {
    this(id, kind, name, description, actor, legalBasis, phase, prerequisites, leadTime, deadline, eService, conditions, ptv,
        null, meta, null);
  }
}
