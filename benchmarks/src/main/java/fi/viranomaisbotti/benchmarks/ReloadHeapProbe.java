package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Publishes the same knowledge repeatedly into a serving navigator and prints the heap in use
 * after a full GC, to show that replaced rule bases are released. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.ReloadHeapProbe 50}
 */
public final class ReloadHeapProbe {
  private ReloadHeapProbe() {}

  public static void main(String[] args) throws Exception {
    int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (Morphology morphology = Morphology.voikko(2)) {
      KnowledgeSnapshot snapshot = Fixtures.corpus();
      Navigator navigator = Navigator.start(snapshot, morphology);
      navigator.recommend(Fixtures.LIISA, Map.of());
      System.out.printf("reloads,heap_used_mb,reload_ms%n");
      System.out.printf("0,%.1f,-%n", usedAfterGc(memory));
      for (int i = 1; i <= reloads; i++) {
        long t0 = System.nanoTime();
        navigator.publish(snapshot);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        navigator.recommend(Fixtures.LIISA, Map.of());
        if (i % 10 == 0 || i == 1) {
          System.out.printf("%d,%.1f,%d%n", i, usedAfterGc(memory), ms);
        }
      }
      navigator.close();
    }
  }

  private static double usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
