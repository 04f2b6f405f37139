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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The citizen's conversation: start, say, answer, resume. Each turn reads only its own text; the
 * facts it gives are stored with the turn and the conversation keeps the facts known so far, the
 * latest statement or answer about a concept winning. So a turn costs the same however long the
 * conversation is, and nothing depends on re-reading masked text. Every operation on a stored
 * conversation needs its {@link ConversationKey} (id and resume token). A turn is stored only after
 * its text was read and its recommendation computed, so input that cannot be processed is never
 * stored and cannot break a later resume. Turns on one conversation are taken one at a time on this
 * node and optimistically across nodes. Thread-safe.
 */
public final class ConversationService {
  /** The most characters of text one conversation stores, unless configured otherwise. */
  public static final long DEFAULT_MAX_STORED_CHARACTERS = 100_000;

  /** How often a turn is retried when another node changed the conversation first. */
  static final int ATTEMPTS = 5;

  /** Lock stripes: turns of one conversation queue on one lock; others rarely share one. */
  private static final int STRIPES = 256;

  /** The most characters of a feedback comment; a longer one is refused, not cut. */
  public static final int MAX_COMMENT_LENGTH = 2_000;

  /** Step ids are item ids: lower-case words joined by hyphens. */
  private static final java.util.regex.Pattern STEP_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  /** Ids are UUIDs; a longer one cannot exist and is not looked up. */
  private static final int MAX_ID_LENGTH = 64;

  private final Navigator navigator;
  private final ConversationRepository repository;
  private final Clock clock;
  private final long maxStoredCharacters;
  private final TurnObserver observer;
  private final ResumeTokens tokens = new ResumeTokens();
  private final ShareCodes shareCodes = new ShareCodes();
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  /** A service that stores at most {@link #DEFAULT_MAX_STORED_CHARACTERS} per conversation. */
  public ConversationService(Navigator navigator, ConversationRepository repository, Clock clock) {
    this(navigator, repository, clock, DEFAULT_MAX_STORED_CHARACTERS);
  }

  /**
   * @param maxStoredCharacters the most characters of text (masked messages and answers) one
   *     conversation stores; a turn past it gets {@link ConversationFullException}
   */
  public ConversationService(Navigator navigator, ConversationRepository repository, Clock clock, long maxStoredCharacters) {
    this(navigator, repository, clock, maxStoredCharacters, TurnObserver.NONE);
  }

  /** @param observer told of each stored story and feedback, after it was stored */
  public ConversationService(Navigator navigator, ConversationRepository repository, Clock clock, long maxStoredCharacters,
      TurnObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    if (maxStoredCharacters < 1) {
      throw new IllegalArgumentException("A conversation must be able to store some text; got a cap of " + maxStoredCharacters);
    }
    this.maxStoredCharacters = maxStoredCharacters;
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock(true);
    }
  }

  /**
   * A turn taken: the conversation it belongs to, its number, the recommendation after it and the
   * steps the customer has marked in the plan (read with the turn, so a reply needs no second read).
   *
   * @param started whether this turn started the conversation; only then is the key's resume token
   *     news to the client, so only then should it be sent
   */
  public record Turn(
      ConversationKey conversation, int seq, boolean started, Recommendation recommendation, Map<String, StepState> progress) {
    public Turn {
      progress = Map.copyOf(progress);
    }

    public String conversationId() {
      return conversation.id();
    }
  }

  /**
   * A conversation picked up again: what was said (masked), the recommendation now and the steps
   * the customer has marked in the plan.
   */
  public record Resumed(
      ConversationKey conversation, List<StoredTurn> history, Recommendation recommendation, Map<String, StepState> progress) {
    public Resumed {
      history = List.copyOf(history);
      progress = Map.copyOf(progress);
    }

    public String conversationId() {
      return conversation.id();
    }
  }

  /** Starts a conversation with no turns; returns its id with a new resume token. */
  public ConversationKey start() {
    String id = UUID.randomUUID().toString();
    String token = tokens.newToken();
    repository.create(id, ResumeTokens.hash(token), clock.instant());
    return new ConversationKey(id, token);
  }

  /**
   * The customer says something in their own words.
   *
   * @param conversation the conversation, or null to start one
   * @throws ConversationNotFoundException if no conversation matches the key
   * @throws fi.viranomaisbotti.engine.BadInputException if the text cannot be read
   * @throws ConversationFullException if the conversation cannot store this much more text
   */
  public Turn say(ConversationKey conversation, String text) {
    // Read before a conversation is started for it: text that cannot be read stores nothing.
    Navigator.TurnReading reading = navigator.read(text, 0);
    AnalysedText analysed = reading.analysed();
    ConversationKey key = conversation == null ? start() : conversation;
    Turn turn = take(key, conversation == null, head -> new StoredTurn(
            head.version() + 1, now(), Role.USER, analysed.maskedText(),
            reading.facts().stream().map(f -> f.inTurn(head.version() + 1)).toList()),
        analysed.language(), (facts, language) -> navigator.recommend(facts, analysed, language));
    observer.said(analysed, turn.recommendation());
    return turn;
  }

  /**
   * The customer answers a question (or changes a fact): the concept id the question names and
   * the value, as {@link Navigator#parseFacts} reads it.
   *
   * @param conversation the conversation, or null to start one
   * @throws ConversationNotFoundException if no conversation matches the key
   * @throws fi.viranomaisbotti.engine.BadInputException naming an unknown concept or a wrong value
   * @throws ConversationFullException if the conversation cannot store this much more text
   */
  public Turn answer(ConversationKey conversation, String concept, Object value) {
    // Parsed before a conversation is started for it: a bad answer stores nothing.
    KnownFact given =
        navigator.parseFacts(Map.of(concept == null ? "" : concept, value == null ? "" : value), 0).get(0);
    ConversationKey key = conversation == null ? start() : conversation;
    return take(key, conversation == null,
        head -> new StoredTurn(head.version() + 1, now(), Role.ANSWER, concept + "=" + given.value().text(),
            List.of(given.inTurn(head.version() + 1))),
        null, (facts, language) -> navigator.recommend(facts, AnalysedText.empty(language), language));
  }

  /**
   * Appends the turn made from the conversation's current head: one turn at a time per
   * conversation on this node, and again from a fresh head when another node wrote first. The
   * recommendation is computed before the append, under the lock: a turn whose facts the rules
   * cannot take fails here and stores nothing, so no stored turn can make a later resume fail. The
   * lock then also covers the rules, which only delays other turns of the same conversation.
   *
   * @param language the turn's language, or null to keep the conversation's
   */
  private Turn take(ConversationKey key, boolean started, Function<ConversationHead, StoredTurn> makeTurn,
      String language, BiFunction<FactSet, String, Recommendation> recommend) {
    ReentrantLock lock = locks[Math.floorMod(key.id().hashCode(), STRIPES)];
    lock.lock();
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        ConversationHead head = owned(key);
        StoredTurn turn = makeTurn.apply(head);
        if (head.storedCharacters() + turn.maskedText().length() > maxStoredCharacters) {
          throw new ConversationFullException(head.storedCharacters(), turn.maskedText().length(), maxStoredCharacters);
        }
        FactSet after = head.facts().with(turn.facts());
        String lang = language == null ? head.language() : language;
        Recommendation recommendation = recommend.apply(after, lang);
        if (repository.append(key.id(), head.version(), turn, after, lang)) {
          // A conversation this turn started has no marked steps yet.
          return new Turn(key, turn.seq(), started, recommendation, started ? Map.of() : repository.stepStates(key.id()));
        }
      }
      throw new ConversationBusyException(ATTEMPTS);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends an adviser's (already masked) text as a turn of the conversation, keeping its facts
   * and language: for {@link HandoffService}, which has checked that the adviser holds the
   * conversation's handoff, so no resume token is needed.
   *
   * @throws ConversationNotFoundException if the conversation was deleted
   * @throws ConversationFullException if the conversation cannot store this much more text
   */
  StoredTurn appendAdviserTurn(String id, String maskedText) {
    ReentrantLock lock = locks[Math.floorMod(id.hashCode(), STRIPES)];
    lock.lock();
    try {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        ConversationHead head = repository.head(id).orElseThrow(ConversationNotFoundException::new);
        if (head.storedCharacters() + maskedText.length() > maxStoredCharacters) {
          throw new ConversationFullException(head.storedCharacters(), maskedText.length(), maxStoredCharacters);
        }
        StoredTurn turn = new StoredTurn(head.version() + 1, now(), Role.ADVISER, maskedText, List.of());
        if (repository.append(id, head.version(), turn, head.facts(), head.language())) {
          return turn;
        }
      }
      throw new ConversationBusyException(ATTEMPTS);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The conversation's turns and the recommendation from the facts it stored.
   *
   * @throws ConversationNotFoundException if no conversation matches the key
   */
  public Resumed resume(ConversationKey conversation) {
    ConversationHead head = owned(conversation);
    List<StoredTurn> turns = repository.turns(conversation.id());
    return new Resumed(conversation, turns, navigator.recommend(head.facts(), AnalysedText.empty(head.language()), head.language()),
        repository.stepStates(conversation.id()));
  }

  /**
   * The steps the customer marked in their plan (done or not relevant), step id → state.
   *
   * @throws ConversationNotFoundException if no conversation matches the key
   */
  public Map<String, StepState> progress(ConversationKey conversation) {
    owned(conversation);
    return repository.stepStates(conversation.id());
  }

  /**
   * Marks a step of the plan done, not relevant, or open again; returns the progress after it.
   *
   * @param step the id of an obligation or service in the knowledge
   * @throws ConversationNotFoundException if no conversation matches the key
   * @throws fi.viranomaisbotti.engine.BadInputException if the step is no known obligation or service
   */
  public Map<String, StepState> mark(ConversationKey conversation, String step, StepState state) {
    Objects.requireNonNull(state, "state");
    if (step == null || !STEP_ID.matcher(step).matches()
        || navigator.knowledge().item(step).filter(i -> i instanceof fi.viranomaisbotti.knowledge.Obligation
            || i instanceof fi.viranomaisbotti.knowledge.Service).isEmpty()) {
      throw new fi.viranomaisbotti.engine.BadInputException("The step '" + shortened(step)
          + "' is not a step of any plan; send the \"id\" of a step in the recommendation's \"plan\".");
    }
    owned(conversation);
    repository.setStepState(conversation.id(), step, state, now());
    return repository.stepStates(conversation.id());
  }

  /**
   * Stores the customer's answer to "Oliko tästä apua?" with an optional comment, masked the way
   * the turns are; the comment's words are never stored unmasked.
   *
   * @throws ConversationNotFoundException if no conversation matches the key
   * @throws fi.viranomaisbotti.engine.BadInputException if the comment is over {@link #MAX_COMMENT_LENGTH}
   */
  public void feedback(ConversationKey conversation, boolean helpful, String comment) {
    String text = comment == null ? "" : comment.strip();
    if (text.length() > MAX_COMMENT_LENGTH) {
      throw new fi.viranomaisbotti.engine.BadInputException("The comment has " + text.length()
          + " characters; write at most " + MAX_COMMENT_LENGTH + ".");
    }
    owned(conversation);
    String masked = text.isEmpty() ? null : navigator.analyse(text).maskedText();
    repository.addFeedback(conversation.id(), helpful, masked, now());
    observer.feedback(helpful, masked, helpful ? List.of() : repository.turns(conversation.id()));
  }

  /** A share code and the consent it was given with. */
  public record ShareCode(String code, ShareConsent consent) {}

  /**
   * Records the customer's consent to show the conversation to an adviser and gives the code the
   * adviser enters. Each call gives a new code; only the code's hash is stored.
   *
   * @throws ConversationNotFoundException if no conversation matches the key
   */
  public ShareCode share(ConversationKey conversation) {
    owned(conversation);
    String code = shareCodes.newCode();
    ShareConsent consent = new ShareConsent(ShareConsent.CUSTOMER, now(), ShareConsent.SCOPE);
    repository.share(conversation.id(), ResumeTokens.hash(ShareCodes.normalise(code)), consent);
    return new ShareCode(code, consent);
  }

  /**
   * What a share code opens for an adviser: the consent, the masked turns, the plan now and the
   * customer's progress; empty for a code that was never given or whose conversation is gone.
   * Callers must authenticate the adviser and rate-limit the lookups.
   */
  public Optional<SharedConversation> shareFor(String code) {
    String normalised = ShareCodes.normalise(code);
    if (normalised == null) {
      return Optional.empty();
    }
    return repository.shared(ResumeTokens.hash(normalised)).flatMap(s -> repository.head(s.conversationId()).map(head ->
        new SharedConversation(s.conversationId(), s.consent(), repository.turns(s.conversationId()),
            navigator.recommend(head.facts(), AnalysedText.empty(head.language()), head.language()),
            repository.stepStates(s.conversationId()))));
  }

  private static String shortened(String s) {
    return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /**
   * The conversation's head if the key's token is the conversation's. An unknown id, a wrong token
   * and a conversation without a token all give the same exception after the same work.
   */
  private ConversationHead owned(ConversationKey key) {
    Optional<ConversationHead> head =
        key.id().length() > MAX_ID_LENGTH ? Optional.empty() : repository.head(key.id());
    if (!ResumeTokens.matches(key.resumeToken(), head.map(ConversationHead::resumeTokenHash).orElse(null))) {
      throw new ConversationNotFoundException();
    }
    return head.orElseThrow(ConversationNotFoundException::new);
  }

  private Instant now() {
    return clock.instant();
  }
}
