package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The live knowledge runtime and its replacement: {@link #publish} builds the next runtime beside
 * the live one and swaps one reference; calls in flight finish on the runtime they started with,
 * which closes when the last of them is done. Thread-safe.
 */
final class LiveKnowledge implements AutoCloseable {
  private final Morphology morphology;
  private final AtomicReference<KnowledgeRuntime> current;

  LiveKnowledge(KnowledgeSnapshot snapshot, Morphology morphology) {
    this.morphology = morphology;
    this.current = new AtomicReference<>(KnowledgeRuntime.build(snapshot, morphology));
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
   * Builds the runtime of the new snapshot and swaps it in.
   *
   * @throws RuleBaseException if the new rules do not compile; the live runtime keeps serving
   */
  void publish(KnowledgeSnapshot snapshot) {
    KnowledgeRuntime next = KnowledgeRuntime.build(snapshot, morphology);
    current.getAndSet(next).release();
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
