package fi.viranomaisbotti.engine.conversation;

/** The handoff is not in a state that allows the action, e.g. a reply before it was claimed. */
public final class HandoffStateException extends RuntimeException {
  public HandoffStateException(String message) {
    super(message);
  }
}
