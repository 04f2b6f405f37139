package fi.viranomaisbotti.engine.conversation;

/**
 * Told when an adviser acts on a handoff, so the citizen's open chat can show it at once. Called
 * after the change is stored, on the adviser's request thread; must not block for long and must
 * be thread-safe.
 */
public interface HandoffListener {
  void adviserJoined(String conversationId);

  /** @param text what the adviser wrote, unmasked: it goes only to the citizen's own chat */
  void adviserSaid(String conversationId, int turn, String text);

  void handoffClosed(String conversationId);
}
