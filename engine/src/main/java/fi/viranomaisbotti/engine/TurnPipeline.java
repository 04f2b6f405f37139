package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.ConceptMention;
import fi.viranomaisbotti.nlp.EventSignal;
import fi.viranomaisbotti.nlp.Modality;
import fi.viranomaisbotti.nlp.Sentence;
import fi.viranomaisbotti.nlp.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * From what is known to an explained plan: facts become rule signals and quantities, the rules
 * run, each needed item gets its counterfactual, and the recommendation is assembled with the
 * answers related to the turn. Reads only the facts and this turn's text, so a turn costs the
 * same however long the conversation is. Stateless; thread-safe.
 */
final class TurnPipeline {
  /** Answers attached to each recommendation. */
  static final int ANSWERS_PER_TURN = 3;

  /** Classifier suggestions attached to each recommendation. */
  static final int EVENT_SIGNALS_PER_TURN = 3;

  /** Word classes that name what a question is about. */
  private static final Set<String> TOPICAL_POS = Set.of("NOUN", "PROPN", "ADJ");

  /** The longest question searched in the answer base, as the answers route accepts. */
  private static final int MAX_QUESTION_CHARS = 500;

  /** Words of the story's other sentences added to a question that names no concept of its own. */
  private static final int MAX_CONTEXT_WORDS = 8;

  /** Evidence words of the known facts used to find related answers when a turn has no text. */
  private static final int MAX_QUERY_WORDS = 40;

  private TurnPipeline() {}

  /**
   * The recommendation for the facts, with this turn's text (possibly empty) for what was
   * understood, its language, the classifier's suggestions and the related answers. Facts about
   * concepts or municipalities the knowledge no longer has (a publish removed them) are left out.
   */
  static Recommendation recommend(KnowledgeRuntime rt, FactSet facts, AnalysedText turn, String language) {
    return recommend(rt, rt.turns, facts, turn, language);
  }

  /** As {@link #recommend(KnowledgeRuntime, FactSet, AnalysedText, String)}, with what follows from the facts kept in {@code memo}. */
  static Recommendation recommend(KnowledgeRuntime rt, TurnMemo memo, FactSet facts, AnalysedText turn, String language) {
    RuleInput in = RuleInput.of(rt.snapshot, facts);
    String text = turn.maskedText();
    String replyLanguage = text.isBlank() ? language : turn.language();
    Recommendation derived = memo.get(in, replyLanguage, () -> derive(rt, in, replyLanguage));
    String query = text.isBlank() ? evidenceQuery(facts) : text;
    List<AnswerHit> answers = query.isBlank() ? List.of() : rt.answers.related(query, ANSWERS_PER_TURN);
    List<EventSignal> eventSignals =
        rt.intents == null || text.isBlank() ? List.of() : rt.intents.classify(turn, EVENT_SIGNALS_PER_TURN);
    return derived.withTurn(rt.recommender.understood(turn), eventSignals, answers)
        .withInterpretations(turn.interpretations())
        .withNotices(FormerNames.notices(rt.snapshot, turn))
        .withQuestionAnswer(questionAnswer(rt, turn));
  }

  /**
   * What follows from the facts alone, in the reply's language: the explained rule run, each needed
   * item's counterfactual and the recommendation assembled without this turn's text (see
   * {@link TurnMemo}, which keeps it).
   */
  static Recommendation derive(KnowledgeRuntime rt, RuleInput in, String language) {
    List<Signal> signals = in.signals();
    List<Quantity> quantities = in.quantities();
    List<Object> ruleFacts = new ArrayList<>(signals);
    ruleFacts.addAll(quantities);
    Collection<Conclusion> conclusions = rt.rules.evaluate(ruleFacts);
    Map<String, String> counterfactuals = counterfactuals(rt, signals, quantities, conclusions);
    // A possibility is not an answer: the recommendation lists it neither as known nor as a fact,
    // so the question that settles it is still asked.
    List<Signal> settled = signals.stream().filter(s -> !s.isPossible()).toList();
    return rt.recommender.derive(
        language, settled, quantities, conclusions, Optional.ofNullable(in.place()), in.placeAnswered(), counterfactuals);
  }

  /**
   * The answer to what this turn asks, when it asks something: the sentences the reading marks as
   * questions (a question mark, a question word, a "-ko/-kö" verb) are searched in the citizen
   * answers as one query, as {@code /api/v1/answers} would search them. Null when the turn asks
   * nothing; "not found" when the search finds nothing or the question names nothing to look up.
   */
  static Recommendation.QuestionAnswer questionAnswer(KnowledgeRuntime rt, AnalysedText turn) {
    List<Sentence> questions = turn.sentences().stream().filter(Sentence::question).toList();
    String asked = questions.stream().map(Sentence::text).collect(java.util.stream.Collectors.joining(" "));
    if (asked.isBlank()) {
      return null;
    }
    // "Avaan päiväkodin. Tarvitaanko siihen lupa?" asks about what the story told: a question that
    // names no concept of its own is searched with the words of the concepts the turn's other
    // sentences were read to say (not those said not to apply), so it is not matched on "lupa" alone.
    // The reading's mentions, not each word's own concepts: in "Mut irtisanottiin tuotannollisista
    // syistä" the phrase is the speaker's dismissal, and "tuotannollisista" names nothing.
    Set<Integer> asking = new java.util.HashSet<>();
    for (int i = 0; i < turn.sentences().size(); i++) {
      if (turn.sentences().get(i).question()) {
        asking.add(i);
      }
    }
    boolean ownTopic = turn.concepts().stream().anyMatch(m -> asking.contains(m.sentence()));
    // Each concept by the customer's words and by its own name: "Mut irtisanottiin" alone matched
    // nothing on job loss, "työttömyys" does.
    String context = ownTopic ? "" : turn.concepts().stream()
        .filter(m -> !asking.contains(m.sentence()) && m.modality() != Modality.NEGATED)
        .flatMap(m -> java.util.stream.Stream.of(m.evidence(), conceptName(rt, m.concept())))
        .filter(w -> !w.isBlank()).distinct().limit(MAX_CONTEXT_WORDS).collect(java.util.stream.Collectors.joining(" "));
    // "Mitä kuuluu?" asks nothing the answer base is about: without a thing to look up (a noun, a
    // name, an adjective, a word of the vocabulary, or a word Voikko does not know and the search
    // may still match), any hit would match only the verb or the question word.
    boolean topical = !context.isEmpty() || questions.stream().flatMap(q -> q.tokens().stream()).filter(Token::isWord)
        .anyMatch(t -> !t.known() || !t.concepts().isEmpty() || TOPICAL_POS.contains(t.pos()));
    asked = context.isEmpty() ? asked : asked + " " + context;
    if (!topical) {
      return Recommendation.QuestionAnswer.of(List.of());
    }
    String query = asked.length() > MAX_QUESTION_CHARS ? asked.substring(0, MAX_QUESTION_CHARS) : asked;
    return Recommendation.QuestionAnswer.of(rt.answers.hits(query, Audience.CITIZEN, 1, AnswerIndex.Filter.NONE));
  }

  /**
   * What the rules are given for the facts: facts about whether a concept applies (yes, no,
   * possibly, already) as signals and amounts as quantities, in the order of the facts, and the
   * municipality. Facts about concepts or municipalities the knowledge no longer has are left out.
   */
  record RuleInput(List<Signal> signals, List<Quantity> quantities, Municipality place, boolean placeAnswered) {
    static RuleInput of(KnowledgeSnapshot k, FactSet facts) {
      List<Signal> signals = new ArrayList<>();
      List<Quantity> quantities = new ArrayList<>();
      Municipality place = null;
      boolean placeAnswered = false;
      for (KnownFact f : facts.facts()) {
        boolean known = k.concepts().containsKey(f.concept());
        Signal signal = signal(f);
        if (known && signal != null) {
          signals.add(signal);
        } else if (f.value() instanceof KnownFact.Amount a && known) {
          quantities.add(new Quantity(f.concept(), a.amount(), f.evidence(), f.provenance()));
        } else if (f.value() instanceof KnownFact.Place p) {
          // By name too: conversations stored before facts were typed kept the name as given.
          place = k.municipality(p.municipalityCode()).orElse(null);
          placeAnswered = f.provenance() == Provenance.ANSWERED;
        }
      }
      return new RuleInput(List.copyOf(signals), List.copyOf(quantities), place, placeAnswered);
    }

    /** The rule fact for a fact about whether a concept applies, or null for an amount or a place. */
    private static Signal signal(KnownFact f) {
      if (f.value() instanceof KnownFact.YesNo yn) {
        return new Signal(f.concept(), !yn.yes(), f.evidence(), f.provenance());
      } else if (f.value() instanceof KnownFact.Possible) {
        return Signal.possible(f.concept(), f.evidence(), f.provenance());
      } else if (f.value() instanceof KnownFact.Existing) {
        return Signal.existing(f.concept(), f.evidence(), f.provenance());
      }
      return null;
    }
  }

  private static String conceptName(KnowledgeRuntime rt, String concept) {
    fi.viranomaisbotti.knowledge.Concept c = rt.snapshot.concepts().get(concept);
    return c == null || c.name() == null ? "" : c.name().fi();
  }

  /** The words the customer used for what applies: a query for the answers of a turn without text. */
  private static String evidenceQuery(FactSet facts) {
    Set<String> words = new java.util.LinkedHashSet<>();
    for (KnownFact f : facts.facts()) {
      if (f.provenance() == Provenance.STATED && !(f.value() instanceof KnownFact.YesNo yn && !yn.yes())) {
        words.addAll(f.evidence());
      }
    }
    return String.join(" ", words.stream().limit(MAX_QUERY_WORDS).toList());
  }

  /** For each needed item, the sentence saying which stated concept's denial would remove it. */
  private static Map<String, String> counterfactuals(
      KnowledgeRuntime rt, List<Signal> signals, List<Quantity> quantities, Collection<Conclusion> conclusions) {
    Map<String, String> out = new HashMap<>();
    rt.counterfactuals.deciding(signals, quantities, conclusions)
        .forEach((id, concept) -> out.put(id, rt.recommender.unlessSentence(concept)));
    return out;
  }
}
