package fi.viranomaisbotti.engine.conversation;

/**
 * No conversation matches the id and resume token a client gave. The same answer is given for an
 * unknown id, a wrong token and a deleted conversation, so it reveals nothing about which ids
 * exist; the message therefore names neither.
 */
public final class ConversationNotFoundException extends RuntimeException {
  public ConversationNotFoundException() {
    super("No conversation matches this conversation id and resume token; it may also have been deleted after a"
        + " long time without activity. Start a new conversation.");
  }
}
