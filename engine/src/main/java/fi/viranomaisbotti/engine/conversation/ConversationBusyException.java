package fi.viranomaisbotti.engine.conversation;

/**
 * Other writers kept changing a conversation while this turn was being taken, so the turn was
 * not stored; the client may send it again.
 */
public final class ConversationBusyException extends RuntimeException {
  public ConversationBusyException(int attempts) {
    super("The conversation changed under this turn " + attempts + " times; the turn was not stored. Send it again.");
  }
}
