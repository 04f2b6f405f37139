package fi.viranomaisbotti.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * Provenance every knowledge item carries: where the fact comes from, who answers for it, and
 * when it was last checked.
 *
 * @param source statute section or official page the item rests on
 * @param owner the team or person who keeps the item correct
 * @param reviewed the day the item was last checked against its source
 * @param status draft until verified; drafts are shown to users with a warning
 * @param verified what was checked against which official page and when; null for items
 *     reviewed before such records were kept (the validator warns about those)
 * @param unverified for a DRAFT item, what is still to be checked against the source, in a sentence
 *     ("the 2026 income floor was not found on tyoelake.fi"); null for a REVIEWED item
 */
public record Meta(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) String owner,
    @JsonProperty(required = true) LocalDate reviewed,
    Status status,
    Verification verified,
    String unverified) {

  public Meta {
    status = status == null ? Status.DRAFT : status;
  }

  /** Provenance without a verification record. */
  public Meta(String source, String owner, LocalDate reviewed, Status status) {
    this(source, owner, reviewed, status, null, null);
  }

  /** Provenance with a verification record and nothing said to be unverified. */
  public Meta(String source, String owner, LocalDate reviewed, Status status, Verification verified) {
    this(source, owner, reviewed, status, verified, null);
  }

  public boolean isDraft() {
    return status == Status.DRAFT;
  }
}
