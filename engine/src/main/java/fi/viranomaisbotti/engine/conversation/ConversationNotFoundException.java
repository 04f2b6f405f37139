package fi.viranomaisbotti.engine.conversation;

/** No conversation has the id a client gave; the message names it. */
public final class ConversationNotFoundException extends RuntimeException {
  public ConversationNotFoundException(String id) {
    super("No conversation has the id '" + id + "'.");
  }
}
