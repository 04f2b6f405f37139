package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.nlp.Morphology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

/**
 * Publishes the knowledge repeatedly into a serving navigator, every other time with a comment
 * added to a rule file (so that the rules compile again each time: a publish shares the parts
 * whose inputs did not change), and prints the heap in use after a full GC, to show that
 * replaced rule bases are released. Run:
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
      KnowledgeSnapshot edited = ruleEdited(snapshot);
      for (int i = 1; i <= reloads; i++) {
        long t0 = System.nanoTime();
        navigator.publish(i % 2 == 1 ? edited : snapshot);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        navigator.recommend(Fixtures.LIISA, Map.of());
        if (i % 10 == 0 || i == 1) {
          System.out.printf("%d,%.1f,%d%n", i, usedAfterGc(memory), ms);
        }
      }
      navigator.close();
    }
  }

  private static KnowledgeSnapshot ruleEdited(KnowledgeSnapshot k) {
    java.util.List<fi.viranomaisbotti.knowledge.RuleFile> rules = new java.util.ArrayList<>(k.rules());
    rules.set(0, new fi.viranomaisbotti.knowledge.RuleFile(rules.get(0).path(), rules.get(0).text() + "\n// Tarkistettu.\n"));
    return new KnowledgeSnapshot(k.version() + "-rule", k.contentHash() + "-rule", k.loadedAt(), k.actors(), k.obligations(),
        k.services(), k.events(), k.answers(), k.concepts(), k.questions(), rules, k.ruleExamples(), k.situations(),
        k.examples(), k.judgments(), k.municipalities(), k.ptvCodes(), k.warnings());
  }

  private static double usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
