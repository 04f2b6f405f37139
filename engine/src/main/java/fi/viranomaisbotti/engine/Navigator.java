package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service navigator: reads a customer's text, reasons over the knowledge base and answers
 * with an explained plan; searches the answer base. Everything built from one knowledge snapshot
 * is replaced atomically by {@link #publish}: calls in flight finish on the version they started
 * with. Thread-safe.
 */
public final class Navigator implements AutoCloseable {
  /** The fact key that names the customer's municipality (a name or a code). */
  public static final String MUNICIPALITY_FACT = FactSet.MUNICIPALITY;

  private final LiveKnowledge live;
  private final Morphology morphology;

  private Navigator(LiveKnowledge live) {
    this.live = live;
    this.morphology = live.morphology();
  }

  /**
   * Builds the rules and the answer index for a snapshot.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  public static Navigator start(KnowledgeSnapshot snapshot, Morphology morphology) {
    return new Navigator(new LiveKnowledge(snapshot, morphology));
  }

  /**
   * Builds everything for the new snapshot beside the live version and swaps it in. If the new
   * rules do not compile, the live version keeps serving and the exception says why.
   */
  public void publish(KnowledgeSnapshot snapshot) {
    live.publish(snapshot);
  }

  public KnowledgeSnapshot knowledge() {
    return live.snapshot();
  }

  public AnalysedText analyse(String text) {
    return live.with(rt -> rt.analyser.analyse(text));
  }

  /** One turn's text, read: the analysis (with the masked text) and the facts it states. */
  public record TurnReading(AnalysedText analysed, List<KnownFact> facts) {
    public TurnReading {
      facts = List.copyOf(facts);
    }
  }

  /**
   * Reads one turn's text: only this text is analysed, however long the conversation is.
   *
   * @param turn the conversation turn the facts belong to
   */
  public TurnReading read(String text, int turn) {
    return live.with(rt -> {
      AnalysedText analysed = rt.analyser.analyse(text);
      return new TurnReading(analysed, rt.facts.read(analysed, turn));
    });
  }

  /**
   * Answered facts as clients send them, typed and checked.
   *
   * @param facts concept id → answer; a yes/no answer as Boolean or "yes"/"no"/"kyllä"/"ei", a
   *     number as a Number, the municipality's name or code under "kunta"
   * @throws BadInputException naming an unknown concept or a value of the wrong kind
   */
  public List<KnownFact> parseFacts(Map<String, ?> facts, int turn) {
    return live.with(rt -> FactParser.parse(rt.snapshot, facts, turn));
  }

  /**
   * Recommends for what is known in a conversation.
   *
   * @param turn this turn's text as read (an empty analysis for an answer or a resume)
   * @param language the conversation's language, for a turn without text
   */
  public Recommendation recommend(FactSet facts, AnalysedText turn, String language) {
    return live.with(rt -> TurnPipeline.recommend(rt, facts, turn, language));
  }

  /**
   * Recommends for one text and facts already known, outside a conversation. The answered facts
   * win over what the text says about the same concept.
   *
   * @param facts as for {@link #parseFacts}
   * @throws BadInputException naming an unknown concept or a value that is not yes or no
   */
  public Recommendation recommend(String text, Map<String, ?> facts) {
    return live.with(rt -> {
      List<KnownFact> answered = FactParser.parse(rt.snapshot, facts, 0);
      AnalysedText analysed = rt.analyser.analyse(text);
      FactSet known = FactSet.of(rt.facts.read(analysed, 0)).with(answered);
      return TurnPipeline.recommend(rt, known, analysed, analysed.language());
    });
  }

  public List<AnswerHit> searchAnswers(String query, Audience audience, int limit) {
    return live.with(rt -> rt.answers.search(query, audience, limit));
  }

  /**
   * Searches the answer base for the adviser console and integrators.
   *
   * @param actor only answers related to this actor id, or null
   * @param event only answers related to this event id, or null
   * @param municipality a municipality's name or code, or null; the result names its regional units
   * @throws BadInputException naming an unknown actor, event or municipality
   */
  public AnswerSearch search(String query, Audience audience, int limit, String actor, String event, String municipality) {
    return live.with(rt -> {
      KnowledgeSnapshot k = rt.snapshot;
      if (actor != null && !k.actors().containsKey(actor)) {
        throw new BadInputException("Unknown actor '" + actor + "'. Use an actor id such as 'lupa-ja-valvontavirasto'.");
      }
      if (event != null && !k.events().containsKey(event)) {
        throw new BadInputException("Unknown event '" + event + "'. Use an event id such as 'yrityksen-perustaminen'.");
      }
      Recommendation.Place place = null;
      if (municipality != null) {
        Municipality m = k.municipality(municipality)
            .orElseThrow(() -> new BadInputException("Unknown municipality '" + municipality + "'. Use a 2026 municipality name or its three-digit code."));
        place = new Recommendation.Place(m.code(), m.name().fi(), m.region(), m.vitalityCentre(), m.employmentArea(), m.wellbeingCounty(), "answered");
      }
      AnswerIndex.Filter filter =
          new AnswerIndex.Filter(actor, event, event == null ? Set.of() : rt.itemsOfEvent.getOrDefault(event, Set.of()));
      List<AnswerHit> hits = rt.answers.search(query, audience, limit, filter).stream()
          .map(r -> rt.answers.hit(r, audience)).toList();
      AnalysedText analysed = rt.analyser.analyse(query);
      List<String> notices = otherLanguage(rt, analysed, hits.isEmpty())
          ? List.of(AnswerSearch.OTHER_LANGUAGE_NOTICE)
          : List.of();
      return new AnswerSearch(query, audience.name().toLowerCase(Locale.ROOT), hits, didYouMean(rt, analysed, query),
          place, analysed.language(), notices);
    });
  }

  /** Prefix suggestions for a search box: answer titles and keywords. */
  public List<String> suggest(String prefix, int limit) {
    return live.with(rt -> rt.answers.suggest(prefix, limit));
  }

  /**
   * Whether to tell the searcher that the answers are in Finnish: the query reads as Swedish or
   * English, none of its words is a term of the vocabulary (YEL, PRH, Leader and Business Finland
   * are Finnish searches however they look), and it found nothing or is long enough (three words)
   * for the language guess to be trusted.
   */
  private static boolean otherLanguage(KnowledgeRuntime rt, AnalysedText a, boolean nothingFound) {
    if (!"sv".equals(a.language()) && !"en".equals(a.language())) {
      return false;
    }
    List<fi.viranomaisbotti.nlp.Token> words = a.tokens().stream().filter(fi.viranomaisbotti.nlp.Token::isWord).toList();
    boolean knownTerm = words.stream()
        .anyMatch(t -> !t.concepts().isEmpty() || rt.analyser.vocabulary().knows(t.text()));
    return !knownTerm && (nothingFound || words.size() >= 3);
  }

  /**
   * The query with misspelled Finnish words replaced by the one of Voikko's suggestions that
   * occurs as written in most answers, or null. Only for Finnish queries, words of four letters or more that
   * neither Voikko nor the vocabulary knows ("yel" is a term, not a typo), and single-word
   * suggestions that keep the first letter, differ by at most two letters in length and occur in
   * more answers than the word as written: anything else is more likely a name, a code or
   * colloquial speech ("tehä" is not "tehän", "teosto" is not "te osto").
   */
  private String didYouMean(KnowledgeRuntime rt, AnalysedText a, String query) {
    if (!"fi".equals(a.language())) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    boolean changed = false;
    for (fi.viranomaisbotti.nlp.Token t : a.tokens()) {
      String word = t.text();
      boolean letters = word.chars().allMatch(Character::isLetter);
      if (letters && (!t.known() || t.correctedFrom() != null) && word.length() >= 4
          && !rt.analyser.vocabulary().knows(word)) {
        int asWritten = rt.answers.documentFrequency(List.of(word.toLowerCase(Locale.ROOT)));
        // Of the suggestions whose word forms (as written and lemmas; not the stem, which matches
        // too loosely) are in more answers than the word as written, the one that occurs as written
        // in most answers: "hygieniapassi", not "hygieniapas" (hygienia with a clitic).
        record Candidate(String word, int asWritten, int inAnyForm) {}
        List<String> s = morphology.suggest(word).stream()
            .filter(x -> Character.toLowerCase(x.charAt(0)) == Character.toLowerCase(word.charAt(0)))
            .filter(x -> Math.abs(x.length() - word.length()) <= 2)
            .filter(x -> !x.equalsIgnoreCase(word) && !x.contains(" "))
            .map(x -> new Candidate(x, rt.answers.documentFrequency(List.of(x.toLowerCase(Locale.ROOT))),
                rt.answers.documentFrequency(rt.analyser.indexForms(x).whole())))
            .filter(c -> c.inAnyForm() > asWritten)
            .sorted(Comparator.comparingInt(Candidate::asWritten).thenComparingInt(Candidate::inAnyForm).reversed())
            .map(Candidate::word)
            .toList();
        if (!s.isEmpty()) {
          out.append(query, pos, t.start()).append(s.get(0));
          pos = t.end();
          changed = true;
        }
      }
    }
    out.append(query.substring(Math.min(pos, query.length())));
    return changed ? out.toString() : null;
  }

  /** An answer by id; ids are lower case, so any case finds it. */
  public Optional<Answer> answer(String id) {
    return Optional.ofNullable(live.snapshot().answers().get(id.toLowerCase(Locale.ROOT)));
  }

  /** The items an answer is related to, with their kind and Finnish name. */
  public List<RelatedItem> relatedItems(Answer answer) {
    return live.with(rt -> rt.answers.relatedItems(answer));
  }

  /** Component status for health checks. */
  public Map<String, Object> status() {
    return live.with(rt -> Health.status(rt, morphology));
  }

  /** The compiled rules with their metadata, for docs, the editor and tests. */
  public List<RuleSummary> rules() {
    return live.with(rt -> rt.rules.rules().stream()
        .map(r -> new RuleSummary(r.id(), r.statement(), r.owner(), r.source()))
        .toList());
  }

  @Override
  public void close() {
    live.close();
  }
}
