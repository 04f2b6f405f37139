package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where conversations are kept. Only masked text, facts and the hash of each conversation's resume
 * token are given to it. Implementations must be thread-safe; {@link #append} is atomic and
 * optimistic, so several server nodes can share one store.
 */
public interface ConversationRepository {

  /**
   * Stores a new, empty conversation (version 0).
   *
   * @param resumeTokenHash the SHA-256 of its resume token, 64 hex digits; the token itself is
   *     never stored
   */
  void create(String id, String resumeTokenHash, Instant at);

  /** A conversation's current state without its turns, or empty if there is none with the id. */
  Optional<ConversationHead> head(String id);

  /** A conversation's turns in order (empty if it has none or does not exist). */
  List<StoredTurn> turns(String id);

  /**
   * Appends a turn and stores the facts and language after it, if the conversation is still at
   * {@code expectedVersion}; the turn's {@code seq} is {@code expectedVersion + 1} and becomes the
   * new version.
   *
   * @return false, storing nothing, if another writer changed the conversation first
   */
  boolean append(String id, int expectedVersion, StoredTurn turn, FactSet factsAfter, String language);

  /**
   * Deletes, with their turns, the conversations whose latest turn (or creation, if they have no
   * turn) is before {@code cutoff}: the retention of personal data.
   *
   * @return how many conversations were deleted
   */
  int deleteInactiveBefore(Instant cutoff);

  // The customer's own plan (tilannekuva): progress, feedback and consent to share.

  /**
   * Stores the state of one step of a conversation's plan; {@link StepState#OPEN} forgets the step.
   * Counts as activity for the retention.
   */
  void setStepState(String id, String step, StepState state, Instant at);

  /** The steps marked in a conversation, step id → state (empty if none or no conversation). */
  Map<String, StepState> stepStates(String id);

  /**
   * Stores an answer to "Oliko tästä apua?".
   *
   * @param maskedComment the comment with personal data masked, or null
   */
  void addFeedback(String id, boolean helpful, String maskedComment, Instant at);

  /**
   * Stores a consent to share a conversation with an adviser under a code.
   *
   * @param codeHash the SHA-256 of the normalised share code, 64 hex digits; the code is never stored
   */
  void share(String id, String codeHash, ShareConsent consent);

  /** The conversation shared under a code's hash and its consent, or empty. */
  Optional<Shared> shared(String codeHash);

  /** A conversation shared under a code, as the store has it. */
  record Shared(String conversationId, ShareConsent consent) {}
}
