package fi.viranomaisbotti.engine.unanswered;

/** No open group of the unanswered queue has the id. */
public final class UnansweredNotFoundException extends RuntimeException {
  public UnansweredNotFoundException(String id) {
    super("No open group '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
        + "' on the unanswered queue: it was dismissed or converted already, or deleted after the retention period."
        + " Reload the queue with GET /api/v1/knowledge/unanswered.");
  }
}
