package fi.viranomaisbotti.knowledge;

/** Whether a knowledge item has been checked against its source by a named owner. */
public enum Status {
  /** Not yet verified: a legal fact (threshold, fee, deadline) may be missing or uncertain. */
  DRAFT,
  /** Verified against the cited source on the reviewed date. */
  REVIEWED
}
