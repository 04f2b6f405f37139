package fi.viranomaisbotti.engine.unanswered;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fi.viranomaisbotti.engine.AnswerHit;
import fi.viranomaisbotti.engine.AnswerSearch;
import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.engine.conversation.StoredTurn;
import fi.viranomaisbotti.engine.conversation.TurnObserver;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.EventSignal;
import fi.viranomaisbotti.nlp.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users asked that the bot could not answer, for the knowledge editors: stories after which
 * no event was recognised, turns the classifier read only weakly, searches without a hit and
 * negative feedback. Each text is stored only masked (the analyser's personal-data masking) and
 * grouped by its content-word lemmas, read from the masked text, so "perustin yhdistyksen" and
 * "yhdistyksen perustaminen" meet and no masked word can reach the key. A text without content
 * words ("moi", "kiitos") teaches nothing and is not kept. Capturing never fails the user's turn
 * or search: a failure is logged without the text. Thread-safe.
 */
public final class UnansweredQueue implements TurnObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UnansweredQueue.class);

  /**
   * Below this the classifier's best event for a turn's words is a weak reading: the rules found
   * an event, but the words are far from every event's example utterances.
   */
  public static final double LOW_CONFIDENCE = 0.35;

  /** The most characters of one text kept as an example; longer ones are cut with an ellipsis. */
  public static final int MAX_EXAMPLE_LENGTH = 1_000;

  /** Examples returned with each group. */
  public static final int EXAMPLES_PER_GROUP = 5;

  private static final Locale FINNISH = Locale.forLanguageTag("fi");
  private static final Set<String> CONTENT = Set.of("NOUN", "PROPN", "VERB", "ADJ", "X");
  /**
   * Verbs that carry the question, not its topic ("haluan", "pitääkö", "voinko"), and greetings
   * and thanks, which have no topic at all.
   */
  private static final Set<String> UNINFORMATIVE = Set.of("olla", "ei", "voida", "haluta", "pitää", "saada", "tulla",
      "täytyä", "aikoa", "tehdä", "tietää", "kertoa", "kiitos", "kiittää", "hei", "moi", "moikka", "terve", "tervehdys");

  private final Navigator navigator;
  private final UnansweredRepository repository;
  private final Clock clock;
  /** The lemmas of answers found best for searches, by id and text, so each is read once. */
  private final Cache<String, Set<String>> answerWords = Caffeine.newBuilder().maximumSize(2_000).build();

  public UnansweredQueue(Navigator navigator, UnansweredRepository repository, Clock clock) {
    this.navigator = Objects.requireNonNull(navigator, "navigator");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A story told: kept when the rules found no event, or the classifier read its words only weakly. */
  @Override
  public void said(AnalysedText turn, Recommendation after) {
    if (after.lifeEvents().isEmpty()) {
      capture(UnansweredKind.NO_EVENT, turn.maskedText());
    } else if (turn.maskedText().strip().length() > 0
        && after.eventSignals().stream().mapToDouble(EventSignal::confidence).max().orElse(0) < LOW_CONFIDENCE) {
      capture(UnansweredKind.LOW_CONFIDENCE, turn.maskedText());
    }
  }

  /** "Ei" to "Oliko tästä apua?": keeps the conversation's last story, with the comment if any. */
  @Override
  public void feedback(boolean helpful, String maskedComment, List<StoredTurn> turns) {
    if (helpful) {
      return;
    }
    String story = turns.stream().filter(t -> t.role() == StoredTurn.Role.USER).reduce((a, b) -> b)
        .map(StoredTurn::maskedText).orElse("");
    String comment = maskedComment == null ? "" : maskedComment.strip();
    String text = story.isBlank() ? comment : comment.isEmpty() ? story : story + " — " + comment;
    capture(UnansweredKind.NEGATIVE_FEEDBACK, text, story.isBlank() ? text : story);
  }

  /**
   * A search answered: kept when it found no good hit, that is nothing, or a best answer whose
   * title and text (lemmas and compound parts) hold no more than half of the query's content-word
   * lemmas: "kryptovaluuttojen louhintalaitos" is not answered by a text on "tuotantolaitos".
   */
  public void searched(AnswerSearch result) {
    try {
      AnalysedText query = navigator.analyse(result.query());
      String masked = query.maskedText();
      if (result.hits().isEmpty()) {
        capture(UnansweredKind.SEARCH_MISS, masked);
        return;
      }
      // Lemmas are read from the masked text only; a query without personal data is read once.
      Set<String> asked = lemmas(masked.equals(result.query()) ? query : navigator.analyse(masked), false);
      AnswerHit best = result.hits().get(0);
      Set<String> answered = answerWords.get(best.id() + "\u0000" + best.title() + "\u0000" + best.text(),
          k -> lemmas(navigator.analyse(best.title() + ". " + best.text()), true));
      long covered = asked.stream().filter(answered::contains).count();
      if (!asked.isEmpty() && covered * 2 <= asked.size()) {
        capture(UnansweredKind.SEARCH_MISS, masked);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not check a search for the unanswered queue: {}", e.getMessage());
    }
  }

  /** The groups in a state (all when null), the most often asked first. */
  public List<UnansweredGroup> groups(UnansweredGroup.State state, int limit) {
    return repository.groups(state, limit, EXAMPLES_PER_GROUP);
  }

  public Optional<UnansweredGroup> group(String id) {
    return repository.group(id, EXAMPLES_PER_GROUP);
  }

  /**
   * Takes an open group off the queue without a change to the knowledge.
   *
   * @throws UnansweredNotFoundException when there is no open group with the id
   */
  public void dismiss(String id, String by) {
    if (!repository.resolve(id, UnansweredGroup.State.DISMISSED, by, clock.instant(), null)) {
      throw new UnansweredNotFoundException(id);
    }
  }

  /**
   * Records that an open group became a draft item.
   *
   * @param item "kind/id" of the new item
   * @throws UnansweredNotFoundException when there is no open group with the id
   */
  public void converted(String id, String by, String item) {
    if (!repository.resolve(id, UnansweredGroup.State.CONVERTED, by, clock.instant(), item)) {
      throw new UnansweredNotFoundException(id);
    }
  }

  /**
   * The content-word lemmas of a masked text, lower-case, distinct and sorted, joined by spaces;
   * empty when it has none. Placeholders ("[NIMI]") are no words of the text.
   */
  public String key(String maskedText) {
    return String.join(" ", lemmas(navigator.analyse(maskedText), false));
  }

  /** The content-word lemmas of an analysed masked text, sorted; with their compound parts if asked. */
  private static Set<String> lemmas(AnalysedText a, boolean withParts) {
    Set<String> lemmas = new TreeSet<>();
    String text = a.maskedText();
    for (Token t : a.tokens()) {
      boolean placeholder = t.start() > 0 && t.start() <= text.length() && text.charAt(t.start() - 1) == '[';
      String lemma = t.lemma() == null ? "" : t.lemma().toLowerCase(FINNISH);
      if (t.isWord() && !placeholder && CONTENT.contains(t.pos()) && lemma.length() > 1
          && lemma.chars().allMatch(c -> Character.isLetter(c) || c == '-') && !UNINFORMATIVE.contains(lemma)) {
        lemmas.add(lemma);
        if (withParts) {
          t.compoundParts().forEach(p -> lemmas.add(p.toLowerCase(FINNISH)));
        }
      }
    }
    return lemmas;
  }

  private void capture(UnansweredKind kind, String masked) {
    capture(kind, masked, masked);
  }

  private void capture(UnansweredKind kind, String example, String keyText) {
    if (example == null || example.isBlank()) {
      return;
    }
    try {
      String key = key(keyText);
      if (key.isEmpty()) {
        return;
      }
      String kept = example.length() > MAX_EXAMPLE_LENGTH ? example.substring(0, MAX_EXAMPLE_LENGTH - 1) + "…" : example;
      repository.add(hash(key), key, kind, kept, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    } catch (RuntimeException e) {
      LOG.warn("Could not put a {} text on the unanswered queue: {}", kind.wire(), e.getMessage());
    }
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
