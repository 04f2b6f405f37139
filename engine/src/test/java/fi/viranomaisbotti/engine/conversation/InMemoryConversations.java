package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixture repository in memory with the same optimistic append as the database one. Hooks run
 * before and after each successful append, so tests can make another "node" write first or make a
 * failure happen once a turn is stored. Thread-safe.
 */
final class InMemoryConversations implements ConversationRepository {
  private record Stored(ConversationHead head, Instant updatedAt, List<StoredTurn> turns) {}

  private final Map<String, Stored> byId = new ConcurrentHashMap<>();
  /** Run before each append, to let a test interleave another writer. */
  volatile Runnable beforeAppend = () -> { };
  /** Run after each stored append, to let a test fail once the turn is in the store. */
  volatile Runnable afterAppend = () -> { };

  @Override
  public void create(String id, String resumeTokenHash, Instant at) {
    ConversationHead head = new ConversationHead(id, at, 0, "fi", FactSet.empty(), resumeTokenHash, 0);
    if (byId.putIfAbsent(id, new Stored(head, at, List.of())) != null) {
      throw new IllegalStateException("Conversation " + id + " exists");
    }
  }

  /** Stores a conversation as a test gives it, e.g. one whose facts name a removed concept. */
  void put(ConversationHead head, Instant updatedAt, List<StoredTurn> turns) {
    byId.put(head.id(), new Stored(head, updatedAt, List.copyOf(turns)));
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
      won[0] = new Stored(new ConversationHead(id, h.createdAt(), turn.seq(), language, factsAfter, h.resumeTokenHash(),
          h.storedCharacters() + turn.maskedText().length()),
          turn.at(), List.copyOf(turns));
      return won[0];
    });
    if (won[0] != null) {
      afterAppend.run();
    }
    return won[0] != null;
  }

  @Override
  public int deleteInactiveBefore(Instant cutoff) {
    int[] deleted = {0};
    byId.forEach((id, s) -> {
      if (s.updatedAt().isBefore(cutoff) && byId.remove(id, s)) {
        deleted[0]++;
      }
    });
    return deleted[0];
  }

  private final Map<String, Map<String, StepState>> steps = new ConcurrentHashMap<>();
  final List<String> feedback = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Shared> shares = new ConcurrentHashMap<>();

  @Override
  public void setStepState(String id, String step, StepState state, Instant at) {
    Map<String, StepState> of = steps.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
    if (state == StepState.OPEN) {
      of.remove(step);
    } else {
      of.put(step, state);
    }
  }

  @Override
  public Map<String, StepState> stepStates(String id) {
    return Map.copyOf(steps.getOrDefault(id, Map.of()));
  }

  @Override
  public void addFeedback(String id, boolean helpful, String maskedComment, Instant at) {
    feedback.add(helpful + ":" + maskedComment);
  }

  @Override
  public void share(String id, String codeHash, ShareConsent consent) {
    shares.put(codeHash, new Shared(id, consent));
  }

  @Override
  public Optional<Shared> shared(String codeHash) {
    return Optional.ofNullable(shares.get(codeHash)).filter(s -> byId.containsKey(s.conversationId()));
  }
}
