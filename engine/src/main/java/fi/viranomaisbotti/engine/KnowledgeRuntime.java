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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything built from one knowledge snapshot (analyser, rules, answer index, classifier), with
 * a count of the calls using it. A retired runtime accepts no new calls and closes when the last
 * call releases it. Thread-safe.
 */
final class KnowledgeRuntime {
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
   * Builds the runtime of a snapshot.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  static KnowledgeRuntime build(KnowledgeSnapshot snapshot, Morphology morphology) {
    FinnishAnalyser analyser =
        new FinnishAnalyser(morphology, Vocabulary.of(snapshot.concepts().values(), snapshot.municipalities().values()));
    RuleBase rules = RuleBase.build(snapshot.rules(), snapshot.version());
    AnswerIndex answers = new AnswerIndex(new FinnishLuceneAnalyzer(analyser), snapshot);
    IntentClassifier intents = snapshot.examples().isEmpty()
        ? null
        : IntentClassifier.train(snapshot.examples(), analyser);
    return new KnowledgeRuntime(snapshot, analyser, rules, answers, intents);
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
