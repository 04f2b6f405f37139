package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.nlp.AnalysedText;
import java.util.List;

/**
 * Told of what the {@link ConversationService} stored, after it was stored: the unanswered queue
 * learns from it. Implementations must be thread-safe and must not throw.
 */
public interface TurnObserver {
  /** Observes nothing. */
  TurnObserver NONE = new TurnObserver() {
    @Override
    public void said(AnalysedText turn, Recommendation after) {}

    @Override
    public void feedback(boolean helpful, String maskedComment, List<StoredTurn> turns) {}
  };

  /** A customer's text was read and stored as a turn; {@code after} is the recommendation it got. */
  void said(AnalysedText turn, Recommendation after);

  /** The customer answered "Oliko tästä apua?"; {@code turns} are the conversation's turns, masked. */
  void feedback(boolean helpful, String maskedComment, List<StoredTurn> turns);
}
