package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.engine.impl.AnswerIndex;
import fi.viranomaisbotti.engine.impl.EcosystemGraph;
import fi.viranomaisbotti.engine.impl.FinnishLuceneAnalyzer;
import fi.viranomaisbotti.engine.impl.Recommender;
import fi.viranomaisbotti.engine.impl.RuleBase;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import fi.viranomaisbotti.nlp.IntentClassifier;
import fi.viranomaisbotti.nlp.Morphology;
import fi.viranomaisbotti.nlp.Vocabulary;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything built from one knowledge snapshot (analyser, rules, answer index, classifier), with
 * a count of the calls using it. A retired runtime accepts no new calls and closes when the last
 * call releases it. Thread-safe.
 */
final class KnowledgeRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeRuntime.class);

  /** Calls in flight, plus one while the runtime is live; zero means closed. */
  private final AtomicInteger users = new AtomicInteger(1);

  final KnowledgeSnapshot snapshot;
  final FinnishAnalyser analyser;
  final RuleBase rules;
  final Counterfactuals counterfactuals;
  final AnswerIndex answers;
  final Recommender recommender;
  final FactExtractor facts;
  /** Null when the corpus has no example utterances to train on. */
  final IntentClassifier intents;
  final AnswerSearchService search;
  final EcosystemGraph graph;

  private KnowledgeRuntime(
      KnowledgeSnapshot snapshot, FinnishAnalyser analyser, RuleBase rules, AnswerIndex answers, IntentClassifier intents) {
    this.snapshot = snapshot;
    this.analyser = analyser;
    this.rules = rules;
    this.counterfactuals = new Counterfactuals(rules);
    this.answers = answers;
    this.intents = intents;
    this.recommender = new Recommender(snapshot);
    this.facts = new FactExtractor(snapshot);
    this.search = new AnswerSearchService(snapshot, analyser, answers, analyser.morphology(), rules);
    this.graph = new EcosystemGraph(snapshot);
  }

  /**
   * Builds the runtime of a snapshot: the rules compile on one thread while the analyser, the
   * answer index and the event classifier are built on others (each phase's time is logged).
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  static KnowledgeRuntime build(KnowledgeSnapshot snapshot, Morphology morphology) {
    // Drools needs nothing from the analyser, and the index and the classifier need only the analyser:
    // on a machine of two cores the rules compile beside them instead of after them.
    CompletableFuture<RuleBase> rules = inThread("rules", () -> RuleBase.build(snapshot.rules(), snapshot.version()));
    AnswerIndex answers = null;
    CompletableFuture<IntentClassifier> intents = CompletableFuture.completedFuture(null);
    try {
      FinnishAnalyser analyser = timed("analyser", () ->
          new FinnishAnalyser(morphology, Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values())));
      if (!snapshot.examples().isEmpty()) {
        intents = inThread("event classifier", () -> IntentClassifier.train(snapshot.examples(), analyser));
      }
      answers = timed("answer index", () -> new AnswerIndex(new FinnishLuceneAnalyzer(analyser), snapshot));
      return new KnowledgeRuntime(snapshot, analyser, rules.join(), answers, intents.join());
    } catch (CompletionException e) {
      closeBuilt(rules, answers, intents);
      // A phase's own failure (a RuleBaseException naming the rule that does not compile), not its wrapper.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    } catch (RuntimeException | Error e) {
      closeBuilt(rules, answers, intents);
      throw e;
    }
  }

  /** What a failed build had made already, closed (waiting for the phases still running). */
  private static void closeBuilt(
      CompletableFuture<RuleBase> rules, AnswerIndex answers, CompletableFuture<IntentClassifier> intents) {
    RuleBase compiled = rules.handle((r, failure) -> r).join();
    if (compiled != null) {
      compiled.close();
    }
    IntentClassifier trained = intents.handle((i, failure) -> i).join();
    if (trained != null) {
      trained.close();
    }
    if (answers != null) {
      answers.close();
    }
  }

  private static <T> CompletableFuture<T> inThread(String phase, Supplier<T> build) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(timed(phase, build));
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
    LOG.info("Built the {} in {} ms", phase, (System.nanoTime() - start) / 1_000_000);
    return built;
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
}
