package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live knowledge runtime and its replacement: {@link #publish} builds the next runtime beside
 * the live one and swaps one reference; calls in flight finish on the runtime they started with,
 * which closes when the last of them is done. Thread-safe.
 */
final class LiveKnowledge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveKnowledge.class);

  private final Morphology morphology;
  private final KnowledgeCache cache;
  private final AtomicReference<KnowledgeRuntime> current;

  /** @param ahead the snapshot's rules compiling already, or null */
  LiveKnowledge(KnowledgeSnapshot snapshot, Morphology morphology, KnowledgeCache cache, KnowledgeRuntime.RulesAhead ahead) {
    this.morphology = morphology;
    this.cache = cache;
    this.current = new AtomicReference<>(KnowledgeRuntime.build(snapshot, morphology, null, cache, ahead));
  }

  private LiveKnowledge(Morphology morphology, KnowledgeCache cache, KnowledgeRuntime runtime) {
    this.morphology = morphology;
    this.cache = cache;
    this.current = new AtomicReference<>(runtime);
  }

  /**
   * Knowledge over another snapshot beside this one, for an editor's preview: it shares the live
   * runtime's unchanged parts as a publish would, but nothing is swapped and nothing is cached.
   *
   * @throws RuleBaseException if the snapshot's rules do not compile
   */
  synchronized LiveKnowledge beside(KnowledgeSnapshot snapshot) {
    KnowledgeRuntime live = acquire();
    try {
      return new LiveKnowledge(morphology, KnowledgeCache.NONE,
          KnowledgeRuntime.build(snapshot, morphology, live, KnowledgeCache.NONE, null));
    } finally {
      live.release();
    }
  }

  /** Runs the call on the live runtime, which stays open until the call returns. */
  <T> T with(Function<KnowledgeRuntime, T> call) {
    KnowledgeRuntime rt = acquire();
    try {
      return call.apply(rt);
    } finally {
      rt.release();
    }
  }

  /** The live snapshot; for reading items only, as a publish may replace it at any time. */
  KnowledgeSnapshot snapshot() {
    return current.get().snapshot;
  }

  Morphology morphology() {
    return morphology;
  }

  /**
   * Builds the runtime of the new snapshot and swaps it in. The parts whose inputs the new
   * snapshot did not change are shared with the live runtime instead of built again. Publishes
   * run one at a time, so that each builds on the one before.
   *
   * @throws RuleBaseException if the new rules do not compile; the live runtime keeps serving
   */
  synchronized void publish(KnowledgeSnapshot snapshot) {
    long start = System.nanoTime();
    KnowledgeRuntime live = acquire();
    KnowledgeRuntime next;
    try {
      next = KnowledgeRuntime.build(snapshot, morphology, live, cache, null);
    } finally {
      live.release();
    }
    current.getAndSet(next).release();
    LOG.atInfo().addKeyValue("event", "knowledge-published").addKeyValue("version", snapshot.version())
        .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
        .log("Knowledge {} is live, {} ms after its publish began", snapshot.version(), (System.nanoTime() - start) / 1_000_000);
  }

  /** The live runtime, for tests of what a publish shares; it may be retired at any time. */
  KnowledgeRuntime live() {
    return current.get();
  }

  private KnowledgeRuntime acquire() {
    while (true) {
      KnowledgeRuntime rt = current.get();
      if (rt.tryAcquire()) {
        return rt;
      }
    }
  }

  @Override
  public void close() {
    current.get().release();
  }
}
