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
 */
public record Meta(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) String owner,
    @JsonProperty(required = true) LocalDate reviewed,
    Status status,
    Verification verified) {

  public Meta {
    status = status == null ? Status.DRAFT : status;
  }

  /** Provenance without a verification record. */
  public Meta(String source, String owner, LocalDate reviewed, Status status) {
    this(source, owner, reviewed, status, null);
  }

  public boolean isDraft() {
    return status == Status.DRAFT;
  }
}
