package fi.viranomaisbotti.engine.conversation;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.FactSet;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.nlp.AnalysedText;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * From the bot to a person: a citizen asks, with consent, for an adviser; the request waits in a
 * queue with the facts and plan of the moment; an adviser opens it (the masked transcript, the
 * facts, the plan now), claims it, replies into the citizen's chat and closes it. Replies are
 * stored masked as turns of the conversation; listeners push them into the citizen's open chat.
 * Outside the advisers' {@link HandoffHours} a request is not queued unless the citizen leaves
 * {@link ContactDetails}; otherwise they are told when advisers are in and may take the plan with
 * them (the export). Thread-safe.
 */
public final class HandoffService {
  /** The longest adviser reply, in characters. */
  public static final int MAX_REPLY_LENGTH = 4_000;
  /** The most open handoffs listed at once. */
  public static final int MAX_LISTED = 200;

  private final Navigator navigator;
  private final ConversationService conversations;
  private final ConversationRepository turns;
  private final HandoffRepository handoffs;
  private final Clock clock;
  private final HandoffHours hours;
  private final List<HandoffListener> listeners = new CopyOnWriteArrayList<>();

  /** A service whose advisers take handoffs at any time. */
  public HandoffService(Navigator navigator, ConversationService conversations, ConversationRepository turns,
      HandoffRepository handoffs, Clock clock) {
    this(navigator, conversations, turns, handoffs, clock, HandoffHours.ALWAYS);
  }

  /** @param hours when advisers take handoffs; outside them a request needs contact details to be queued */
  public HandoffService(Navigator navigator, ConversationService conversations, ConversationRepository turns,
      HandoffRepository handoffs, Clock clock, HandoffHours hours) {
    this.hours = Objects.requireNonNull(hours, "hours");
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.turns = Objects.requireNonNull(turns, "turns");
    this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds a listener told of every adviser action (the chat face, on each server node). */
  public void listen(HandoffListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * What an adviser sees of a handoff: the request, the conversation's masked turns, and the
   * recommendation from the conversation's facts now.
   */
  public record Opened(Handoff handoff, List<StoredTurn> transcript, Recommendation recommendation) {
    public Opened {
      transcript = List.copyOf(transcript);
    }
  }

  /**
   * Whether advisers are in now, and when they are next.
   *
   * @param hours the opening hours as configured ("always" when advisers are always in)
   * @param nextOpening when advisers are next in; null when they are in now or always
   */
  public record Availability(boolean open, String hours, Instant nextOpening) {}

  /** Whether advisers take handoffs now. */
  public Availability availability() {
    Instant now = clock.instant();
    boolean open = hours.openAt(now);
    return new Availability(open, hours.toString(), open ? null : hours.nextOpening(now).orElse(null));
  }

  /**
   * What became of a request: queued (with or without contact details), or not stored because no
   * adviser is in and the citizen left no way to reach them.
   *
   * @param handoff the queued request, or null when nothing was stored
   */
  public record Requested(Handoff handoff, Availability availability) {
    public boolean queued() {
      return handoff != null;
    }
  }

  /**
   * The citizen asks for a person. In opening hours the request is queued; outside them it is
   * queued only with contact details, for an adviser to call or write back, and otherwise nothing
   * is stored and the answer says when advisers are in. A conversation has at most one open
   * handoff: asking again returns it.
   *
   * @param consent the citizen agreed that an adviser sees the conversation; without it nothing is stored
   * @param contact how an adviser may reach the citizen, or null
   * @throws ConversationNotFoundException if no conversation matches the key
   */
  public Requested request(ConversationKey key, boolean consent, ContactDetails contact) {
    if (!consent) {
      throw new BadInputException("A handoff needs the citizen's consent that an adviser sees the conversation;"
          + " send \"consent\": true once they agreed.");
    }
    ConversationService.Resumed resumed = conversations.resume(key);
    Availability availability = availability();
    var existing = handoffs.openFor(key.id());
    if (existing.isPresent()) {
      return new Requested(existing.get(), availability);
    }
    if (!availability.open() && contact == null) {
      return new Requested(null, availability);
    }
    FactSet facts = turns.head(key.id()).map(ConversationHead::facts).orElseThrow(ConversationNotFoundException::new);
    // Stores keep microseconds: the time answered now is the one read back later.
    Instant consentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Handoff h = new Handoff(UUID.randomUUID().toString(), key.id(), Handoff.Status.QUEUED, consentAt, facts,
        planLines(resumed.recommendation()), null, null, null, contact);
    handoffs.create(h);
    return new Requested(h, availability);
  }

  /**
   * The citizen asks for a person and waits in the chat, in opening hours.
   *
   * @throws HandoffStateException outside opening hours (ask with contact details instead)
   * @see #request(ConversationKey, boolean, ContactDetails)
   */
  public Handoff request(ConversationKey key, boolean consent) {
    Requested r = request(key, consent, null);
    if (!r.queued()) {
      throw new HandoffStateException("No adviser is in now (" + hours + "); leave contact details or come back"
          + (r.availability().nextOpening() == null ? "." : " from " + r.availability().nextOpening() + "."));
    }
    return r.handoff();
  }

  /** The contact details of a handoff, for the adviser who claimed it only. */
  public java.util.Optional<ContactDetails> contactFor(Handoff h, String adviser) {
    return h.status() == Handoff.Status.CLAIMED && adviser != null && adviser.equals(h.claimedBy())
        ? java.util.Optional.ofNullable(h.contact())
        : java.util.Optional.empty();
  }

  /** The handoffs waiting or in progress, oldest first. */
  public List<Handoff> queue() {
    return handoffs.open(MAX_LISTED);
  }

  /** A handoff with its transcript and the recommendation from its conversation's facts now. */
  public Opened open(String id) {
    Handoff h = find(id);
    ConversationHead head = turns.head(h.conversationId()).orElseThrow(() -> new HandoffStateException(
        "The conversation of this handoff has been deleted (retention); close the handoff."));
    AnalysedText none = AnalysedText.empty(head.language());
    return new Opened(h, turns.turns(h.conversationId()), navigator.recommend(head.facts(), none, head.language()));
  }

  /** The masked turns of a handoff's conversation. */
  public List<StoredTurn> transcript(Handoff h) {
    return turns.turns(h.conversationId());
  }

  /** The adviser takes a queued handoff; the citizen's chat is told an adviser joined. */
  public Handoff claim(String id, String adviser) {
    Handoff h = find(id);
    if (!handoffs.claim(id, adviser, clock.instant())) {
      Handoff now = find(id);
      if (now.status() == Handoff.Status.CLAIMED && adviser.equals(now.claimedBy())) {
        return now;
      }
      throw new HandoffStateException("The handoff is " + now.status().name().toLowerCase(java.util.Locale.ROOT)
          + (now.claimedBy() == null ? "" : " by " + now.claimedBy()) + "; only a queued handoff can be claimed.");
    }
    listeners.forEach(l -> l.adviserJoined(h.conversationId()));
    return find(id);
  }

  /**
   * The adviser who claimed the handoff writes to the citizen: stored masked as a turn of the
   * conversation, pushed unmasked to the citizen's open chat.
   *
   * @return the stored turn
   */
  public StoredTurn reply(String id, String adviser, String text) {
    if (text == null || text.isBlank()) {
      throw new BadInputException("A reply needs some text.");
    }
    if (text.length() > MAX_REPLY_LENGTH) {
      throw new BadInputException("A reply has at most " + MAX_REPLY_LENGTH + " characters; this one has " + text.length() + ".");
    }
    Handoff h = find(id);
    if (h.status() != Handoff.Status.CLAIMED || !adviser.equals(h.claimedBy())) {
      throw new HandoffStateException("Only the adviser who claimed the handoff can reply; it is "
          + h.status().name().toLowerCase(java.util.Locale.ROOT) + (h.claimedBy() == null ? "" : " by " + h.claimedBy()) + ".");
    }
    String masked = navigator.analyse(text.strip()).maskedText();
    StoredTurn stored = conversations.appendAdviserTurn(h.conversationId(), masked);
    listeners.forEach(l -> l.adviserSaid(h.conversationId(), stored.seq(), text.strip()));
    return stored;
  }

  /** Closes the handoff; the citizen's chat is told. */
  public Handoff close(String id, String adviser) {
    Handoff h = find(id);
    if (!handoffs.close(id, clock.instant())) {
      throw new HandoffStateException("The handoff is closed already.");
    }
    listeners.forEach(l -> l.handoffClosed(h.conversationId()));
    return find(id);
  }

  private Handoff find(String id) {
    if (id == null || id.length() > 64) {
      throw new HandoffNotFoundException(String.valueOf(id));
    }
    return handoffs.find(id).orElseThrow(() -> new HandoffNotFoundException(id));
  }

  private static List<String> planLines(Recommendation r) {
    List<String> out = new ArrayList<>();
    for (Recommendation.PlanStep s : r.plan()) {
      out.add(s.order() + ". " + s.name() + (s.actorName() == null ? "" : " — " + s.actorName())
          + ("possible".equals(s.certainty()) ? " (mahdollinen)" : ""));
    }
    return out;
  }
}
