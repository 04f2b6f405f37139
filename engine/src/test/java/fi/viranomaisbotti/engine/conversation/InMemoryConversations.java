package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixture repository in memory with the same optimistic append as the database one; it also
 * counts the appends refused, so tests can make another "node" write first. Thread-safe.
 */
final class InMemoryConversations implements ConversationRepository {
  private record Stored(ConversationHead head, List<StoredTurn> turns) {}

  private final Map<String, Stored> byId = new ConcurrentHashMap<>();
  /** Run before each append, to let a test interleave another writer. */
  volatile Runnable beforeAppend = () -> { };

  @Override
  public void create(String id, Instant at) {
    if (byId.putIfAbsent(id, new Stored(new ConversationHead(id, at, 0, "fi", FactSet.empty()), List.of())) != null) {
      throw new IllegalStateException("Conversation " + id + " exists");
    }
  }

  @Override
  public Optional<ConversationHead> head(String id) {
    return Optional.ofNullable(byId.get(id)).map(Stored::head);
  }

  @Override
  public List<StoredTurn> turns(String id) {
    Stored s = byId.get(id);
    return s == null ? List.of() : s.turns();
  }

  @Override
  public boolean append(String id, int expectedVersion, StoredTurn turn, FactSet factsAfter, String language) {
    beforeAppend.run();
    Stored[] won = new Stored[1];
    byId.computeIfPresent(id, (k, s) -> {
      if (s.head().version() != expectedVersion || turn.seq() != expectedVersion + 1) {
        return s;
      }
      List<StoredTurn> turns = new ArrayList<>(s.turns());
      turns.add(turn);
      ConversationHead h = s.head();
      won[0] = new Stored(new ConversationHead(id, h.createdAt(), turn.seq(), language, factsAfter), List.copyOf(turns));
      return won[0];
    });
    return won[0] != null;
  }
}
