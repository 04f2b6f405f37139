package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.List;
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
}
