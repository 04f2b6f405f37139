package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.KnownFact;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.conversation.StoredTurn.Role;
import fi.viranomaisbotti.nlp.AnalysedText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The citizen's conversation: start, say, answer, resume. Each turn reads only its own text; the
 * facts it gives are stored with the turn and the conversation keeps the facts known so far, the
 * latest statement or answer about a concept winning. So a turn costs the same however long the
 * conversation is, and nothing depends on re-reading masked text. Turns on one conversation are
 * taken one at a time on this node and optimistically across nodes. Thread-safe.
 */
public final class ConversationService {
  /** How often a turn is retried when another node changed the conversation first. */
  static final int ATTEMPTS = 5;

  /** Lock stripes: turns of one conversation queue on one lock; others rarely share one. */
  private static final int STRIPES = 256;

  private final Navigator navigator;
  private final ConversationRepository repository;
  private final Clock clock;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public ConversationService(Navigator navigator, ConversationRepository repository, Clock clock) {
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock(true);
    }
  }

  /** A turn taken: the conversation it belongs to, its number and the recommendation after it. */
  public record Turn(String conversationId, int seq, Recommendation recommendation) {}

  /** A conversation picked up again: what was said (masked) and the recommendation now. */
  public record Resumed(String conversationId, List<StoredTurn> history, Recommendation recommendation) {
    public Resumed {
      history = List.copyOf(history);
    }
  }

  /** Starts a conversation with no turns; returns its id. */
  public String start() {
    String id = UUID.randomUUID().toString();
    repository.create(id, clock.instant());
    return id;
  }

  /**
   * The customer says something in their own words.
   *
   * @param conversationId the conversation, or null to start one
   * @throws ConversationNotFoundException if there is no conversation with the id
   * @throws fi.viranomaisbotti.engine.BadInputException if the text cannot be read
   */
  public Turn say(String conversationId, String text) {
    // Read before a conversation is started for it: text that cannot be read stores nothing.
    Navigator.TurnReading reading = navigator.read(text, 0);
    AnalysedText analysed = reading.analysed();
    String id = conversationId == null ? start() : conversationId;
    Taken taken = take(id, head -> new StoredTurn(
        head.version() + 1, now(), Role.USER, analysed.maskedText(),
        reading.facts().stream().map(f -> f.inTurn(head.version() + 1)).toList()), analysed.language());
    return new Turn(id, taken.seq(), navigator.recommend(taken.facts(), analysed, analysed.language()));
  }

  /**
   * The customer answers a question (or changes a fact): the concept id the question names and
   * the value, as {@link Navigator#parseFacts} reads it.
   *
   * @param conversationId the conversation, or null to start one
   * @throws ConversationNotFoundException if there is no conversation with the id
   * @throws fi.viranomaisbotti.engine.BadInputException naming an unknown concept or a wrong value
   */
  public Turn answer(String conversationId, String concept, Object value) {
    // Checked before a conversation is started for it: a bad answer stores nothing.
    navigator.parseFacts(Map.of(concept == null ? "" : concept, value == null ? "" : value), 0);
    String id = conversationId == null ? start() : conversationId;
    Taken taken = take(id, head -> {
      List<KnownFact> given = navigator.parseFacts(Map.of(concept, value), head.version() + 1);
      return new StoredTurn(head.version() + 1, now(), Role.ANSWER, concept + "=" + shown(given.get(0)), given);
    }, null);
    return new Turn(id, taken.seq(), navigator.recommend(taken.facts(), empty(taken.language()), taken.language()));
  }

  /** A stored turn: its number, and the facts and language of the conversation after it. */
  private record Taken(int seq, FactSet facts, String language) {}

  /**
   * Appends the turn made from the conversation's current head: one turn at a time per
   * conversation on this node, and again from a fresh head when another node wrote first.
   *
   * @param language the turn's language, or null to keep the conversation's
   */
  private Taken take(String id, java.util.function.Function<ConversationHead, StoredTurn> makeTurn, String language) {
    ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
    lock.lock();
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        ConversationHead head = head(id);
        StoredTurn turn = makeTurn.apply(head);
        FactSet after = head.facts().with(turn.facts());
        String lang = language == null ? head.language() : language;
        if (repository.append(id, head.version(), turn, after, lang)) {
          return new Taken(turn.seq(), after, lang);
        }
      }
      throw new ConversationBusyException(id, ATTEMPTS);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The conversation's turns and the recommendation from the facts it stored.
   *
   * @throws ConversationNotFoundException if there is no conversation with the id
   */
  public Resumed resume(String conversationId) {
    ConversationHead head = head(conversationId);
    List<StoredTurn> turns = repository.turns(conversationId);
    return new Resumed(conversationId, turns, navigator.recommend(head.facts(), empty(head.language()), head.language()));
  }

  private ConversationHead head(String id) {
    return repository.head(id).orElseThrow(() -> new ConversationNotFoundException(id));
  }

  private Instant now() {
    return clock.instant();
  }

  private static AnalysedText empty(String language) {
    return new AnalysedText(language, 1.0, List.of(), List.of(), List.of(), "");
  }

  private static String shown(KnownFact f) {
    if (f.value() instanceof KnownFact.YesNo yn) {
      return Boolean.toString(yn.yes());
    }
    if (f.value() instanceof KnownFact.Amount a) {
      return a.amount() == Math.rint(a.amount()) ? Long.toString((long) a.amount()) : Double.toString(a.amount());
    }
    return ((KnownFact.Place) f.value()).municipalityCode();
  }
}
