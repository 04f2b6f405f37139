package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.Recommendation;
import java.util.List;
import java.util.Map;

/**
 * What an adviser sees for a share code: the consent, the conversation's masked turns, its plan as
 * it is now and the customer's progress on it.
 *
 * @param progress step id → state, for the steps the customer marked
 */
public record SharedConversation(
    String conversationId, ShareConsent consent, List<StoredTurn> history, Recommendation recommendation,
    Map<String, StepState> progress) {
  public SharedConversation {
    history = List.copyOf(history);
    progress = Map.copyOf(progress);
  }
}
