package fi.viranomaisbotti.engine.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where handoff requests are kept; implementations are thread-safe. */
public interface HandoffRepository {
  void create(Handoff handoff);

  Optional<Handoff> find(String id);

  /** The conversation's handoff that is not closed, if any. */
  Optional<Handoff> openFor(String conversationId);

  /** Handoffs not closed, oldest consent first, at most {@code limit}. */
  List<Handoff> open(int limit);

  /** Takes a queued handoff for the adviser; false if it is not queued (any more). */
  boolean claim(String id, String adviser, Instant at);

  /** Closes a handoff that is not closed; false if it was. */
  boolean close(String id, Instant at);
}
