package fi.viranomaisbotti.engine.conversation;

/**
 * A turn would take a conversation past the most text one conversation stores; nothing of the
 * turn was stored, and the customer should start a new conversation.
 */
public final class ConversationFullException extends RuntimeException {
  private final long maxCharacters;

  public ConversationFullException(long stored, int turnCharacters, long maxCharacters) {
    super("The conversation holds " + stored + " characters and this turn has " + turnCharacters + "; at most "
        + maxCharacters + " are stored in one conversation. Start a new conversation.");
    this.maxCharacters = maxCharacters;
  }

  public long maxCharacters() {
    return maxCharacters;
  }
}
