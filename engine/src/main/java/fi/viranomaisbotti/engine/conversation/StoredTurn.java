package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.KnownFact;
import java.time.Instant;
import java.util.List;

/**
 * One stored turn.
 *
 * @param seq 1 for the first turn, then one more per turn
 * @param maskedText the customer's text with personal data masked, or for an answer
 *     "concept=value"
 * @param facts the facts this turn gave (they replace earlier facts about the same concepts)
 */
public record StoredTurn(int seq, Instant at, Role role, String maskedText, List<KnownFact> facts) {

  public StoredTurn {
    facts = List.copyOf(facts);
  }

  /**
   * Who spoke: the customer in their own words, the customer answering a question, or an adviser
   * who took the conversation over (a handoff).
   */
  public enum Role {
    USER,
    ANSWER,
    ADVISER
  }
}
