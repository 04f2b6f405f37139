package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.EcosystemGraph;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.engine.impl.Recommender;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything built from one knowledge snapshot (analyser, rules, answer index, classifier), with
 * a count of the calls using it. A retired runtime accepts no new calls and closes when the last
 * call releases it. The parts a publish did not change are shared with the runtime before it
 * ({@link SharedPart}): each closes when the last runtime using it closes. Thread-safe.
 */
final class KnowledgeRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeRuntime.class);

  /** How a runtime got one of its parts. */
  enum Origin {
    /** Built from the snapshot. */
    BUILT,
    /** Read from the knowledge cache on disk. */
    CACHED,
    /** Shared with the runtime it replaced, whose inputs for the part were the same. */
    REUSED
  }

  /** The parts whose origin is reported: rules, analyser, answer index, event classifier. */
  static final String RULES = "rules";
  static final String ANALYSER = "analyser";
  static final String ANSWER_INDEX = "answer index";
  static final String EVENT_CLASSIFIER = "event classifier";

  /** Calls in flight, plus one while the runtime is live; zero means closed. */
  private final AtomicInteger users = new AtomicInteger(1);

  final KnowledgeSnapshot snapshot;
  final FinnishAnalyser analyser;
  final RuleBase rules;
  final Counterfactuals counterfactuals;
  /** What follows from a turn's facts alone, remembered for this runtime's knowledge. */
  final TurnMemo turns;
  final AnswerIndex answers;
  final Recommender recommender;
  final FactExtractor facts;
  /** Null when the corpus has no example utterances to train on. */
  final IntentClassifier intents;
  final AnswerSearchService search;
  final EcosystemGraph graph;
  /** Where each part came from, for the log and tests. */
  final Map<String, Origin> origins;

  private final SharedPart<RuleBase> sharedRules;
  private final SharedPart<AnswerIndex> sharedAnswers;
  /** Null when the corpus has no example utterances. */
  private final SharedPart<IntentClassifier> sharedIntents;

  private KnowledgeRuntime(
      KnowledgeSnapshot snapshot, FinnishAnalyser analyser, SharedPart<RuleBase> rules, Counterfactuals counterfactuals,
      SharedPart<AnswerIndex> answers, SharedPart<IntentClassifier> intents, Map<String, Origin> origins,
      TurnMemo.Counts memoCounts) {
    this.snapshot = snapshot;
    this.analyser = analyser;
    this.sharedRules = rules;
    this.sharedAnswers = answers;
    this.sharedIntents = intents;
    this.rules = rules.get();
    this.counterfactuals = counterfactuals != null ? counterfactuals : new Counterfactuals(this.rules);
    this.answers = answers.get();
    this.intents = intents == null ? null : intents.get();
    this.recommender = new Recommender(snapshot);
    this.turns = new TurnMemo(memoCounts, TurnMemo.MAX_PARTS);
    this.facts = new FactExtractor(snapshot);
    // The event filter's items need a rule run per event: found on a thread of their own, so that the
    // first search by event waits for them instead of the start. Only a runtime that no call can use
    // any more closes its rules under that run, and then nobody asks for its result.
    RuleBase compiled = this.rules;
    CompletableFuture<Map<String, Set<String>>> itemsOfEvent =
        inThread("event items", () -> AnswerSearchService.itemsOfEvents(snapshot, compiled));
    this.search = new AnswerSearchService(snapshot, analyser, this.answers, analyser.morphology(), itemsOfEvent);
    this.graph = new EcosystemGraph(snapshot);
    this.origins = Map.copyOf(origins);
  }

  /**
   * Builds the runtime of a snapshot from scratch.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  static KnowledgeRuntime build(KnowledgeSnapshot snapshot, Morphology morphology) {
    return build(snapshot, morphology, null, KnowledgeCache.NONE, null);
  }

  /**
   * Rules compiling on their own thread before the snapshot they belong to is loaded, so that a
   * start compiles them while it reads the rest of the knowledge.
   */
  static final class RulesAhead {
    private final List<RuleFile> files;
    private final CompletableFuture<SharedPart<RuleBase>> compiled;
    private final AtomicBoolean taken = new AtomicBoolean();

    RulesAhead(List<RuleFile> files) {
      this.files = List.copyOf(files);
      this.compiled = inThread(RULES, () -> new SharedPart<>(timed(RULES, () -> RuleBase.build(this.files, "ahead"))));
    }

    /** The compilation, if it is of these rule files and not taken yet; otherwise it is let go. */
    Optional<CompletableFuture<SharedPart<RuleBase>>> take(List<RuleFile> rules) {
      if (!taken.compareAndSet(false, true)) {
        return Optional.empty();
      }
      if (files.equals(rules)) {
        return Optional.of(compiled);
      }
      discard();
      return Optional.empty();
    }

    /** Lets the compiled rules go when they are done, unless a runtime took them. */
    void abandon() {
      if (taken.compareAndSet(false, true)) {
        discard();
      }
    }

    private void discard() {
      compiled.thenAccept(SharedPart::release);
    }
  }

  /**
   * Builds the runtime of a snapshot: each part is shared with {@code previous} when the inputs
   * it is built from are equal there, read from the cache when the cache has it, or built (and
   * then cached). The rules compile on one thread while the analyser, the answer index and the
   * event classifier are made on others (each phase's time is logged).
   *
   * @param previous the live runtime, held by the caller until this returns, or null
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  static KnowledgeRuntime build(
      KnowledgeSnapshot snapshot, Morphology morphology, KnowledgeRuntime previous, KnowledgeCache cache, RulesAhead ahead) {
    Map<String, Origin> origins = new ConcurrentHashMap<>();
    // Drools needs nothing from the analyser, and the index and the classifier need only the analyser:
    // on a machine of two cores the rules compile beside them instead of after them.
    boolean sameRules = previous != null && previous.snapshot.rules().equals(snapshot.rules());
    CompletableFuture<SharedPart<RuleBase>> rules;
    if (sameRules) {
      rules = reused(RULES, previous.sharedRules, origins);
    } else {
      origins.put(RULES, Origin.BUILT);
      rules = Optional.ofNullable(ahead).flatMap(a -> a.take(snapshot.rules())).orElseGet(() -> inThread(RULES,
          () -> new SharedPart<>(timed(RULES, () -> RuleBase.build(snapshot.rules(), snapshot.version())))));
    }
    SharedPart<AnswerIndex> answers = null;
    CompletableFuture<SharedPart<IntentClassifier>> intents = CompletableFuture.completedFuture(null);
    try {
      boolean sameVocabulary = previous != null && sameVocabulary(previous.snapshot, snapshot);
      FinnishAnalyser analyser;
      if (sameVocabulary) {
        analyser = previous.analyser;
        origins.put(ANALYSER, Origin.REUSED);
      } else {
        analyser = timed(ANALYSER, () ->
            new FinnishAnalyser(morphology, Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values())));
        origins.put(ANALYSER, Origin.BUILT);
      }
      if (!snapshot.examples().isEmpty()) {
        if (sameVocabulary && previous.sharedIntents != null && previous.snapshot.examples().equals(snapshot.examples())) {
          intents = reused(EVENT_CLASSIFIER, previous.sharedIntents, origins);
        } else {
          intents = inThread(EVENT_CLASSIFIER, () -> new SharedPart<>(classifier(snapshot, analyser, cache, origins)));
        }
      }
      if (sameVocabulary && sameAnswerInputs(previous.snapshot, snapshot)) {
        answers = reused(ANSWER_INDEX, previous.sharedAnswers, origins).join();
      } else {
        answers = new SharedPart<>(answerIndex(snapshot, analyser, cache, origins));
      }
      SharedPart<RuleBase> compiled = rules.join();
      // Shared parts are kept for the new content hash too, so that a restart on this version reads them.
      if (origins.get(ANSWER_INDEX) == Origin.REUSED) {
        cache.write(snapshot, KnowledgeCache.Part.ANSWER_INDEX, answers.get()::writeTo);
      }
      if (origins.get(EVENT_CLASSIFIER) == Origin.REUSED) {
        cache.write(snapshot, KnowledgeCache.Part.EVENT_CLASSIFIER, classifierWriter(previous.intents));
      }
      Counterfactuals counterfactuals = sameRules ? previous.counterfactuals : null;
      KnowledgeRuntime built = new KnowledgeRuntime(snapshot, analyser, compiled, counterfactuals, answers, intents.join(), origins,
          previous == null ? new TurnMemo.Counts() : previous.turns.counts());
      LOG.atInfo().addKeyValue("event", "knowledge-runtime").addKeyValue("version", snapshot.version())
          .log("The runtime of knowledge {}: {}", snapshot.version(), new java.util.TreeMap<>(origins));
      return built;
    } catch (CompletionException e) {
      releaseMade(rules, answers, intents);
      // A phase's own failure (a RuleBaseException naming the rule that does not compile), not its wrapper.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    } catch (RuntimeException | Error e) {
      releaseMade(rules, answers, intents);
      throw e;
    }
  }

  /** The event classifier from the cache, or trained and then cached. */
  private static IntentClassifier classifier(
      KnowledgeSnapshot snapshot, FinnishAnalyser analyser, KnowledgeCache cache, Map<String, Origin> origins) {
    long start = System.nanoTime();
    Optional<IntentClassifier> cached = cache.read(snapshot, KnowledgeCache.Part.EVENT_CLASSIFIER, folder -> {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(CLASSIFIER_FILE)))) {
        return IntentClassifier.read(in);
      }
    });
    if (cached.isPresent()) {
      LOG.info("Read the {} from the cache in {} ms", EVENT_CLASSIFIER, millisSince(start));
      origins.put(EVENT_CLASSIFIER, Origin.CACHED);
      return cached.get();
    }
    IntentClassifier trained = timed(EVENT_CLASSIFIER, () -> IntentClassifier.train(snapshot.examples(), analyser));
    origins.put(EVENT_CLASSIFIER, Origin.BUILT);
    cache.write(snapshot, KnowledgeCache.Part.EVENT_CLASSIFIER, classifierWriter(trained));
    return trained;
  }

  private static KnowledgeCache.Writer classifierWriter(IntentClassifier classifier) {
    return folder -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(CLASSIFIER_FILE)))) {
        classifier.write(out);
      }
    };
  }

  private static final String CLASSIFIER_FILE = "classifier.bin";

  /** The answer index from the cache, or built and then cached. */
  private static AnswerIndex answerIndex(
      KnowledgeSnapshot snapshot, FinnishAnalyser analyser, KnowledgeCache cache, Map<String, Origin> origins) {
    long start = System.nanoTime();
    FinnishLuceneAnalyzer analyzer = new FinnishLuceneAnalyzer(analyser);
    Optional<AnswerIndex> cached =
        cache.read(snapshot, KnowledgeCache.Part.ANSWER_INDEX, folder -> AnswerIndex.open(analyzer, snapshot, folder));
    if (cached.isPresent()) {
      LOG.info("Read the {} from the cache in {} ms", ANSWER_INDEX, millisSince(start));
      origins.put(ANSWER_INDEX, Origin.CACHED);
      return cached.get();
    }
    AnswerIndex built = timed(ANSWER_INDEX, () -> new AnswerIndex(analyzer, snapshot));
    origins.put(ANSWER_INDEX, Origin.BUILT);
    try {
      cache.write(snapshot, KnowledgeCache.Part.ANSWER_INDEX, built::writeTo);
    } catch (RuntimeException | Error e) {
      built.close();
      throw e;
    }
    return built;
  }

  /** The analyser depends only on the vocabulary: the concepts and the municipalities. */
  private static boolean sameVocabulary(KnowledgeSnapshot a, KnowledgeSnapshot b) {
    return a.concepts().equals(b.concepts()) && a.municipalities().equals(b.municipalities());
  }

  /** The answer index is built from its inputs in the snapshot and the analyser. */
  private static boolean sameAnswerInputs(KnowledgeSnapshot a, KnowledgeSnapshot b) {
    return AnswerIndex.inputs(a).equals(AnswerIndex.inputs(b));
  }

  /** A part of the previous runtime, held once more for the new one. */
  private static <T extends AutoCloseable> CompletableFuture<SharedPart<T>> reused(
      String phase, SharedPart<T> part, Map<String, Origin> origins) {
    origins.put(phase, Origin.REUSED);
    return CompletableFuture.completedFuture(part.retain());
  }

  /** What a failed build had made or held already, let go (waiting for the phases still running). */
  private static void releaseMade(
      CompletableFuture<SharedPart<RuleBase>> rules, SharedPart<AnswerIndex> answers,
      CompletableFuture<SharedPart<IntentClassifier>> intents) {
    SharedPart<RuleBase> compiled = rules.handle((r, failure) -> r).join();
    if (compiled != null) {
      compiled.release();
    }
    SharedPart<IntentClassifier> trained = intents.handle((i, failure) -> i).join();
    if (trained != null) {
      trained.release();
    }
    if (answers != null) {
      answers.release();
    }
  }

  private static <T> CompletableFuture<T> inThread(String phase, Supplier<T> build) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(build.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, "knowledge-build-" + phase.replace(' ', '-'));
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static <T> T timed(String phase, Supplier<T> build) {
    long start = System.nanoTime();
    T built = build.get();
    LOG.info("Built the {} in {} ms", phase, millisSince(start));
    return built;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
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
      sharedRules.release();
      sharedAnswers.release();
      if (sharedIntents != null) {
        sharedIntents.release();
      }
    }
  }

  /** Whether the runtime has closed (the last call released it after it was retired). */
  boolean isClosed() {
    return users.get() == 0;
  }

  /** Whether each shared part is closed, for tests of the sharing. */
  boolean partsClosed() {
    return sharedRules.isClosed() && sharedAnswers.isClosed() && (sharedIntents == null || sharedIntents.isClosed());
  }

  boolean rulesClosed() {
    return sharedRules.isClosed();
  }
}
