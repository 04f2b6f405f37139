package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Audience;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.nlp.AnalysedText;
import fi.viranomaisbotti.nlp.CacheStats;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    return new Navigator(new LiveKnowledge(snapshot, morphology, KnowledgeCache.NONE, null));
  }

  /**
   * Builds the rules, and reads the answer index and the trained event classifier from a cache
   * folder when it holds them for this snapshot's content hash and this code (building and
   * keeping them there otherwise). A missing, stale or damaged cache only means building.
   *
   * @param cache a folder of its own, e.g. {@code DATA_DIR/knowledge-cache}; created when needed
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  public static Navigator start(KnowledgeSnapshot snapshot, Morphology morphology, java.nio.file.Path cache) {
    return new Navigator(new LiveKnowledge(snapshot, morphology, KnowledgeCache.in(cache, morphology), null));
  }

  /**
   * Begins a start before the knowledge is loaded: the rule files compile on their own thread
   * while the caller loads and validates the rest, then {@link Starting#start} builds the other
   * parts (as {@link #start(KnowledgeSnapshot, Morphology, java.nio.file.Path)}) and uses the
   * compiled rules if the snapshot has the same rule files.
   *
   * @param rules the rule files the snapshot will have, e.g. {@code KnowledgeLoader.ruleFiles(source)}
   */
  public static Starting begin(List<RuleFile> rules, Morphology morphology, java.nio.file.Path cache) {
    return new Starting(new KnowledgeRuntime.RulesAhead(rules), morphology, KnowledgeCache.in(cache, morphology));
  }

  /** A start whose rules are compiling; finish it with {@link #start} or let it go with {@link #abandon}. */
  public static final class Starting {
    private final KnowledgeRuntime.RulesAhead rules;
    private final Morphology morphology;
    private final KnowledgeCache cache;

    private Starting(KnowledgeRuntime.RulesAhead rules, Morphology morphology, KnowledgeCache cache) {
      this.rules = rules;
      this.morphology = morphology;
      this.cache = cache;
    }

    /**
     * The navigator of the snapshot, with the rules compiled ahead when they are the snapshot's.
     *
     * @throws RuleBaseException if the snapshot's rules do not compile
     */
    public Navigator start(KnowledgeSnapshot snapshot) {
      try {
        return new Navigator(new LiveKnowledge(snapshot, morphology, cache, rules));
      } finally {
        rules.abandon();
      }
    }

    /** Lets the rules compiled ahead go (when their compilation ends), for a start that failed. */
    public void abandon() {
      rules.abandon();
    }
  }

  /** The live runtime, for the engine's tests. */
  KnowledgeRuntime liveRuntime() {
    return live.live();
  }

  /**
   * Builds everything for the new snapshot beside the live version and swaps it in. What the
   * change did not touch is shared rather than built again: unchanged rules keep their compiled
   * rule base, unchanged answers and vocabulary their index, unchanged utterances and vocabulary
   * their classifier. If the new rules do not compile, the live version keeps serving and the
   * exception says why.
   */
  public void publish(KnowledgeSnapshot snapshot) {
    live.publish(snapshot);
  }

  /**
   * A navigator over another snapshot, built beside this one and sharing its morphology and its
   * unchanged parts (as a publish would), for an editor's preview: the live version keeps serving
   * and is not touched. Close it after use.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  public Navigator preview(KnowledgeSnapshot snapshot) {
    return new Navigator(live.beside(snapshot));
  }

  public KnowledgeSnapshot knowledge() {
    return live.snapshot();
  }

  /**
   * The names of a recommendation's events, obligations, services, actors, questions and known
   * facts' concepts in a language (ISO 639-1, e.g. "sv"), where the knowledge has them: id → name.
   * Items without a name in the language are left out, so a page keeps their Finnish name.
   */
  public Map<String, String> namesIn(Recommendation r, String language) {
    KnowledgeSnapshot k = knowledge();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    java.util.function.Consumer<String> add = id -> k.item(id).flatMap(i -> i.name().exactly(language))
        .filter(n -> !n.isBlank()).ifPresent(n -> out.put(id, n));
    for (List<Recommendation.Item> items : List.of(r.lifeEvents(), r.obligations(), r.services(), r.actors())) {
      items.forEach(i -> add.accept(i.id()));
    }
    r.questions().forEach(q -> add.accept(q.id()));
    r.factSources().forEach(f -> add.accept(f.concept()));
    return out;
  }

  public AnalysedText analyse(String text) {
    return live.with(rt -> rt.analyser.analyse(text));
  }

  /**
   * Analyses a text with the lemmas in the given style (the chat's, or the UD treebanks'), as it
   * may be shown: the words of personal data carry their placeholders ({@link AnalysedText#withoutPersonalData}).
   */
  public AnalysedText analyse(String text, fi.viranomaisbotti.nlp.LemmaStyle style) {
    return live.with(rt -> rt.analyser.analyse(text, style)).withoutPersonalData();
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

  /** The best answers for a query, without filters. */
  public List<AnswerHit> searchAnswers(String query, Audience audience, int limit) {
    return live.with(rt -> rt.search.searchAnswers(query, audience, limit));
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
    return live.with(rt -> rt.search.search(query, audience, limit, actor, event, municipality));
  }

  /** Prefix suggestions for a search box: answer titles and keywords. */
  public List<String> suggest(String prefix, int limit) {
    return live.with(rt -> rt.search.suggest(prefix, limit));
  }

  /** An answer by id; ids are lower case, so any case finds it. */
  public Optional<Answer> answer(String id) {
    return Optional.ofNullable(live.snapshot().answers().get(id.toLowerCase(Locale.ROOT)));
  }

  /** The items an answer is related to, with their kind and Finnish name. */
  public List<RelatedItem> relatedItems(Answer answer) {
    return live.with(rt -> rt.search.relatedItems(answer));
  }

  /**
   * The ecosystem map, or the part of it a query asks for, from the live knowledge version.
   *
   * @throws BadInputException naming an unknown event, municipality or node kind
   */
  public Graph graph(GraphQuery query) {
    return live.with(rt -> rt.graph.graph(query));
  }

  /** What the ecosystem map lacks, for editors, judging actors' validity on the given day. */
  public GraphGaps graphGaps(java.time.LocalDate at) {
    return live.with(rt -> rt.graph.gaps(at));
  }

  /** Component status for health checks. */
  public Map<String, Object> status() {
    return live.with(rt -> Health.status(rt, morphology));
  }

  /** How the cache of word analyses in front of Voikko has served, for the metrics. */
  public CacheStats morphologyCache() {
    return morphology.cacheStats();
  }

  /**
   * How the memo of what follows from a turn's facts has served since start (hits and misses over
   * every knowledge version) and how many entries the live version's memo holds, for the metrics.
   */
  public CacheStats turnMemo() {
    return live.with(rt -> rt.turns.stats());
  }

  /** The compiled rules with their metadata, for docs, the editor and tests. */
  public List<RuleSummary> rules() {
    return live.with(rt -> rt.rules.rules().stream()
        .map(r -> new RuleSummary(r.id(), r.statement(), r.owner(), r.source(), r.status()))
        .toList());
  }

  @Override
  public void close() {
    live.close();
  }
}
