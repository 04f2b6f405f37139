package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations are kept. Only masked text and facts are given to it. Implementations
 * must be thread-safe; {@link #append} is atomic and optimistic, so several server nodes can
 * share one store.
 */
public interface ConversationRepository {

  /** Stores a new, empty conversation (version 0). */
  void create(String id, Instant at);

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
}
