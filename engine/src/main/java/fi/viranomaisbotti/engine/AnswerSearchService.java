package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Token;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Searches the answer base of one knowledge snapshot for the navigator: checks the filters,
 * finds and shapes the hits, and adds a spelling suggestion and language notice. Built with the
 * snapshot's runtime and read-only after; thread-safe.
 */
final class AnswerSearchService {
  private final KnowledgeSnapshot snapshot;
  private final FinnishAnalyser analyser;
  private final AnswerIndex answers;
  private final Morphology morphology;
  /**
   * Per event, the obligations and services its rules bring with no other facts: one rule run per
   * event, made beside the start (see {@link #itemsOfEvents}) rather than before the server is ready.
   */
  private final CompletableFuture<Map<String, Set<String>>> itemsOfEvent;

  AnswerSearchService(
      KnowledgeSnapshot snapshot, FinnishAnalyser analyser, AnswerIndex answers, Morphology morphology,
      CompletableFuture<Map<String, Set<String>>> itemsOfEvent) {
    this.snapshot = snapshot;
    this.analyser = analyser;
    this.answers = answers;
    this.morphology = morphology;
    this.itemsOfEvent = itemsOfEvent;
  }

  /** For each event of the snapshot, the ids of what its rules conclude from the event alone. */
  static Map<String, Set<String>> itemsOfEvents(KnowledgeSnapshot snapshot, RuleBase rules) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String event : snapshot.events().keySet()) {
      Set<String> items = new HashSet<>();
      rules.evaluate(List.of(Conclusion.given("event", event))).forEach(c -> items.add(c.getId()));
      out.put(event, Set.copyOf(items));
    }
    return Map.copyOf(out);
  }

  /** See {@link Navigator#searchAnswers}. */
  List<AnswerHit> searchAnswers(String query, Audience audience, int limit) {
    return answers.hits(query, audience, limit, AnswerIndex.Filter.NONE);
  }

  /** See {@link Navigator#search}. */
  AnswerSearch search(String query, Audience audience, int limit, String actor, String event, String municipality) {
    if (actor != null && !snapshot.actors().containsKey(actor)) {
      throw new BadInputException("Unknown actor '" + actor + "'. Use an actor id such as 'lupa-ja-valvontavirasto'.");
    }
    if (event != null && !snapshot.events().containsKey(event)) {
      throw new BadInputException("Unknown event '" + event + "'. Use an event id such as 'yrityksen-perustaminen'.");
    }
    Recommendation.Place place = null;
    if (municipality != null) {
      Municipality m = snapshot.municipality(municipality)
          .orElseThrow(() -> new BadInputException("Unknown municipality '" + municipality + "'. Use a 2026 municipality name or its three-digit code."));
      place = new Recommendation.Place(m.code(), m.name().fi(), m.region(), m.vitalityCentre(), m.employmentArea(), m.wellbeingCounty(), "answered");
    }
    AnswerIndex.Filter filter =
        new AnswerIndex.Filter(actor, event, event == null ? Set.of() : itemsOfEvent.join().getOrDefault(event, Set.of()));
    List<AnswerHit> hits = answers.hits(query, audience, limit, filter);
    AnalysedText analysed = analyser.analyse(query);
    List<String> notices = otherLanguage(analysed, hits.isEmpty())
        ? List.of(AnswerSearch.OTHER_LANGUAGE_NOTICE)
        : List.of();
    return new AnswerSearch(query, audience.name().toLowerCase(Locale.ROOT), hits, didYouMean(analysed, query),
        place, analysed.language(), notices);
  }

  /** See {@link Navigator#suggest}. */
  List<String> suggest(String prefix, int limit) {
    return answers.suggest(prefix, limit);
  }

  /** See {@link Navigator#relatedItems}. */
  List<RelatedItem> relatedItems(Answer answer) {
    return answers.relatedItems(answer);
  }

  /**
   * Whether to tell the searcher that the answers are in Finnish: the query reads as Swedish or
   * English, none of its words is a term of the vocabulary (YEL, PRH, Leader and Business Finland
   * are Finnish searches however they look), and it found nothing or is long enough (three words)
   * for the language guess to be trusted.
   */
  private boolean otherLanguage(AnalysedText a, boolean nothingFound) {
    if (!"sv".equals(a.language()) && !"en".equals(a.language())) {
      return false;
    }
    List<Token> words = a.tokens().stream().filter(Token::isWord).toList();
    boolean knownTerm = words.stream()
        .anyMatch(t -> !t.concepts().isEmpty() || analyser.vocabulary().knows(t.text()));
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
  private String didYouMean(AnalysedText a, String query) {
    if (!"fi".equals(a.language())) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    boolean changed = false;
    for (Token t : a.tokens()) {
      String word = t.text();
      boolean letters = word.chars().allMatch(Character::isLetter);
      if (letters && (!t.known() || t.correctedFrom() != null) && word.length() >= 4
          && !analyser.vocabulary().knows(word)) {
        int asWritten = answers.documentFrequency(List.of(word.toLowerCase(Locale.ROOT)));
        // Of the suggestions whose word forms (as written and lemmas; not the stem, which matches
        // too loosely) are in more answers than the word as written, the one that occurs as written
        // in most answers: "hygieniapassi", not "hygieniapas" (hygienia with a clitic).
        record Candidate(String word, int asWritten, int inAnyForm) {}
        List<String> s = morphology.suggest(word).stream()
            .filter(x -> Character.toLowerCase(x.charAt(0)) == Character.toLowerCase(word.charAt(0)))
            .filter(x -> Math.abs(x.length() - word.length()) <= 2)
            .filter(x -> !x.equalsIgnoreCase(word) && !x.contains(" "))
            .map(x -> new Candidate(x, answers.documentFrequency(List.of(x.toLowerCase(Locale.ROOT))),
                answers.documentFrequency(analyser.indexForms(x).whole())))
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
}
