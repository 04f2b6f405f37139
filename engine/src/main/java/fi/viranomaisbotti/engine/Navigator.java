package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.engine.impl.Recommender;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service navigator: reads a customer's story, reasons over the knowledge base and answers
 * with an explained plan; searches the answer base. All parts built from one knowledge snapshot
 * live together in a runtime that {@link #publish} replaces atomically: calls in flight finish on
 * the runtime they started with. Thread-safe.
 */
public final class Navigator implements AutoCloseable {
  /** Answers attached to each recommendation. */
  static final int ANSWERS_PER_TURN = 3;

  /** Classifier suggestions attached to each recommendation. */
  static final int EVENT_SIGNALS_PER_TURN = 3;

  private final Morphology morphology;
  private final AtomicReference<Runtime> current = new AtomicReference<>();

  private Navigator(Morphology morphology, Runtime runtime) {
    this.morphology = morphology;
    this.current.set(runtime);
  }

  /**
   * Builds the rules and the answer index for a snapshot.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  public static Navigator start(KnowledgeSnapshot snapshot, Morphology morphology) {
    return new Navigator(morphology, Runtime.build(snapshot, morphology));
  }

  /**
   * Builds a runtime for the new snapshot beside the live one and swaps it in. If the new rules
   * do not compile, the live runtime keeps serving and the exception says why.
   */
  public void publish(KnowledgeSnapshot snapshot) {
    Runtime next = Runtime.build(snapshot, morphology);
    Runtime old = current.getAndSet(next);
    // Calls in flight still hold the old runtime; it closes when the last of them releases it.
    old.retire();
  }

  public KnowledgeSnapshot knowledge() {
    return current.get().snapshot;
  }

  public AnalysedText analyse(String text) {
    Runtime rt = acquire();
    try {
      return rt.analyser.analyse(text);
    } finally {
      rt.release();
    }
  }

  /** Calls {@code call} on the live runtime, holding it until the call returns. */
  private <T> T using(java.util.function.Function<Runtime, T> call) {
    Runtime rt = acquire();
    try {
      return call.apply(rt);
    } finally {
      rt.release();
    }
  }

  /** The live runtime, counted as in use until {@link Runtime#release()}. */
  private Runtime acquire() {
    while (true) {
      Runtime rt = current.get();
      if (rt.tryAcquire()) {
        return rt;
      }
    }
  }

  /**
   * Recommends for a story and facts already known.
   *
   * @param facts concept id → answer; a yes/no answer as Boolean or "yes"/"no"/"kyllä"/"ei", a
   *     number as a Number, the municipality under "kunta"
   * @throws BadInputException naming an unknown concept or a value that is not yes or no
   */
  public Recommendation recommend(String text, Map<String, ?> facts) {
    Runtime rt = acquire();
    try {
      Optional<Municipality> stated = municipalityFact(rt.snapshot, facts);
      Map<String, Boolean> answered = parseFacts(rt.snapshot, facts);
      AnalysedText analysed = rt.analyser.analyse(text);
      List<Quantity> quantities = rt.recommender.quantities(analysed, parseQuantities(rt.snapshot, facts));
      List<Signal> signals = rt.recommender.signals(analysed, answered);
      List<Object> ruleFacts = new java.util.ArrayList<>(signals);
      ruleFacts.addAll(quantities);
      Collection<Conclusion> conclusions = rt.rules.evaluate(ruleFacts);
      Map<String, String> counterfactuals = counterfactuals(rt, signals, quantities, conclusions);
      List<AnswerHit> answers =
          text.isBlank() ? List.of() : rt.answers.related(text, ANSWERS_PER_TURN);
      Optional<Municipality> municipality = stated.or(() -> lastMunicipality(rt.snapshot, analysed));
      List<fi.viranomaisbotti.nlp.EventSignal> eventSignals =
          rt.intents == null || text.isBlank() ? List.of() : rt.intents.classify(analysed, EVENT_SIGNALS_PER_TURN);
      return rt.recommender.recommend(
          analysed, signals, quantities, conclusions, answers, municipality, counterfactuals, eventSignals);
    } finally {
      rt.release();
    }
  }

  /**
   * For each needed item, the stated concept whose negation would remove it: the rules are run
   * again once per positive stated concept, with that concept denied.
   */
  private static Map<String, String> counterfactuals(
      Runtime rt, List<Signal> signals, List<Quantity> quantities, Collection<Conclusion> conclusions) {
    Map<String, String> out = new LinkedHashMap<>();
    java.util.Set<String> needed = new java.util.HashSet<>();
    conclusions.stream().filter(Conclusion::isNeeded).forEach(c -> needed.add(c.getId()));
    for (Signal s : signals) {
      if (s.isNegated() || s.getProvenance() != fi.viranomaisbotti.engine.facts.Provenance.STATED) {
        continue;
      }
      List<Object> denied = new java.util.ArrayList<>(quantities);
      for (Signal other : signals) {
        denied.add(other == s || other.getConcept().equals(s.getConcept()) && !other.isNegated()
            ? new Signal(s.getConcept(), true, List.of(), fi.viranomaisbotti.engine.facts.Provenance.ANSWERED)
            : other);
      }
      java.util.Set<String> remaining = new java.util.HashSet<>();
      rt.rules.evaluate(denied).forEach(c -> remaining.add(c.getId()));
      for (String id : needed) {
        if (!remaining.contains(id)) {
          out.putIfAbsent(id, rt.recommender.unlessSentence(s.getConcept()));
        }
      }
    }
    return out;
  }

  public List<AnswerHit> searchAnswers(String query, Audience audience, int limit) {
    return using(rt -> rt.search.searchAnswers(query, audience, limit));
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
    return using(rt -> rt.search.search(query, audience, limit, actor, event, municipality));
  }

  /** Prefix suggestions for a search box: answer titles and keywords. */
  public List<String> suggest(String prefix, int limit) {
    return using(rt -> rt.search.suggest(prefix, limit));
  }

  /** An answer by id; ids are lower case, so any case finds it. */
  public Optional<Answer> answer(String id) {
    return Optional.ofNullable(current.get().snapshot.answers().get(id.toLowerCase(Locale.ROOT)));
  }

  /** The items an answer is related to, with their kind and Finnish name. */
  public List<RelatedItem> relatedItems(Answer answer) {
    return using(rt -> rt.search.relatedItems(answer));
  }

  /** Component status for health checks. */
  public Map<String, Object> status() {
    Runtime rt = acquire();
    try {
      return status(rt);
    } finally {
      rt.release();
    }
  }

  private Map<String, Object> status(Runtime rt) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("morphology", Map.of("status", "up", "implementation", morphology.describe(),
        "probe", rt.analyser.analyse("sioista").tokens().get(0).lemma()));
    s.put("knowledge", Map.of("version", rt.snapshot.version(), "items", rt.snapshot.counts(),
        "warnings", rt.snapshot.warnings().size()));
    s.put("rules", Map.of("version", rt.snapshot.version(), "count", rt.rules.ruleCount()));
    s.put("index", Map.of("documents", rt.answers.size()));
    return s;
  }

  /** The compiled rules with their metadata, for docs, the editor and tests. */
  public List<RuleBase.RuleInfo> rules() {
    Runtime rt = acquire();
    try {
      return rt.rules.rules();
    } finally {
      rt.release();
    }
  }

  /** The fact key that names the customer's municipality (a name or a code). */
  public static final String MUNICIPALITY_FACT = "kunta";

  private static Optional<Municipality> municipalityFact(KnowledgeSnapshot k, Map<String, ?> facts) {
    if (facts == null || !facts.containsKey(MUNICIPALITY_FACT)) {
      return Optional.empty();
    }
    Object v = facts.get(MUNICIPALITY_FACT);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new BadInputException("Fact 'kunta' must be a municipality's name or code, e.g. \"Seinäjoki\" or \"743\".");
    }
    return Optional.of(k.municipality(s)
        .orElseThrow(() -> new BadInputException("Unknown municipality '" + s + "'. Use a 2026 municipality name or its three-digit code.")));
  }

  /** The municipality the customer named last: later sentences correct earlier ones. */
  private static Optional<Municipality> lastMunicipality(KnowledgeSnapshot k, AnalysedText text) {
    List<fi.viranomaisbotti.nlp.Entity> found = text.entities().stream()
        .filter(e -> e.type().equals(fi.viranomaisbotti.nlp.Entity.MUNICIPALITY)).toList();
    return found.isEmpty() ? Optional.empty() : Optional.ofNullable(k.municipalities().get(found.get(found.size() - 1).value()));
  }

  private static Map<String, Boolean> parseFacts(KnowledgeSnapshot k, Map<String, ?> facts) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (facts == null) {
      return out;
    }
    for (Map.Entry<String, ?> e : facts.entrySet()) {
      if (e.getKey().equals(MUNICIPALITY_FACT)) {
        continue;
      }
      if (!k.concepts().containsKey(e.getKey())) {
        throw new BadInputException(
            "Unknown fact '" + e.getKey() + "'. Facts are concept ids such as 'alkoholi' or 'tyontekija';"
                + " the questions in a recommendation name the concept they settle.");
      }
      boolean counted = isQuantity(k, e.getKey());
      if (e.getValue() instanceof Number) {
        if (!counted) {
          throw new BadInputException("Fact '" + e.getKey() + "' is a yes/no fact: send true or false, not " + e.getValue() + ".");
        }
      } else if (counted) {
        throw new BadInputException("Fact '" + e.getKey() + "' is a number (the answer to a NUMBER question), got: " + e.getValue());
      } else {
        out.put(e.getKey(), yesNo(e.getKey(), e.getValue()));
      }
    }
    return out;
  }

  /** A concept counted in units or asked with a NUMBER question takes numbers, not yes or no. */
  private static boolean isQuantity(KnowledgeSnapshot k, String concept) {
    return !k.concepts().get(concept).units().isEmpty()
        || k.questionFor(concept).map(q -> q.type() == fi.viranomaisbotti.knowledge.Question.AnswerType.NUMBER).orElse(false);
  }

  /** Numeric facts (answers to NUMBER questions) become quantities. */
  private static List<Quantity> parseQuantities(KnowledgeSnapshot k, Map<String, ?> facts) {
    List<Quantity> out = new java.util.ArrayList<>();
    if (facts == null) {
      return out;
    }
    facts.forEach((key, v) -> {
      if (v instanceof Number n && k.concepts().containsKey(key)) {
        double value = n.doubleValue();
        if (!Double.isFinite(value) || value < 0) {
          throw new BadInputException("Fact '" + key + "' must be a non-negative number, got " + v);
        }
        out.add(new Quantity(key, value, List.of("vastasit " + format(value)), fi.viranomaisbotti.engine.facts.Provenance.ANSWERED));
      }
    });
    return out;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static boolean yesNo(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true", "kyllä", "joo", "ja" -> {
          return true;
        }
        case "no", "false", "ei", "nej" -> {
          return false;
        }
        default -> { }
      }
    }
    throw new BadInputException("Fact '" + key + "' must be true or false (or \"kyllä\"/\"ei\"), got: " + v + ".");
  }

  @Override
  public void close() {
    current.get().retire();
  }

  /**
   * Everything built from one snapshot, with a count of the calls using it. A retired runtime
   * accepts no new calls and closes when the last call releases it.
   */
  private static final class Runtime {
    /** Calls in flight, plus one while the runtime is live; zero means closed. */
    private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger(1);
    final KnowledgeSnapshot snapshot;
    final FinnishAnalyser analyser;
    final RuleBase rules;
    final AnswerIndex answers;
    final Recommender recommender;
    final fi.viranomaisbotti.nlp.IntentClassifier intents;
    final AnswerSearchService search;

    private Runtime(
        KnowledgeSnapshot snapshot, FinnishAnalyser analyser, RuleBase rules, AnswerIndex answers,
        fi.viranomaisbotti.nlp.IntentClassifier intents, AnswerSearchService search) {
      this.snapshot = snapshot;
      this.analyser = analyser;
      this.rules = rules;
      this.answers = answers;
      this.intents = intents;
      this.recommender = new Recommender(snapshot);
      this.search = search;
    }

    static Runtime build(KnowledgeSnapshot snapshot, Morphology morphology) {
      FinnishAnalyser analyser =
          new FinnishAnalyser(morphology, Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values()));
      RuleBase rules = RuleBase.build(snapshot.rules(), snapshot.version());
      AnswerIndex answers = new AnswerIndex(new FinnishLuceneAnalyzer(analyser), snapshot);
      fi.viranomaisbotti.nlp.IntentClassifier intents = snapshot.examples().isEmpty()
          ? null
          : fi.viranomaisbotti.nlp.impl.DoccatIntentClassifier.train(snapshot.examples(), analyser);
      return new Runtime(snapshot, analyser, rules, answers, intents,
          new AnswerSearchService(snapshot, analyser, answers, morphology, rules));
    }

    boolean tryAcquire() {
      while (true) {
        int n = users.get();
        if (n == 0) {
          return false;
        }
        if (users.compareAndSet(n, n + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        rules.close();
        answers.close();
        if (intents != null) {
          intents.close();
        }
      }
    }

    void retire() {
      release();
    }
  }
}
