package fi.viranomaisbotti.engine.conversation;

/** No handoff has the id. */
public final class HandoffNotFoundException extends RuntimeException {
  public HandoffNotFoundException(String id) {
    super("No handoff has the id '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'.");
  }
}
