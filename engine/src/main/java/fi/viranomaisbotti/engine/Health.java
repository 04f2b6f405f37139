package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.nlp.Morphology;
import java.util.LinkedHashMap;
import java.util.Map;

/** The status of each part of a knowledge runtime, for health checks. Stateless. */
final class Health {
  /** A word whose lemma shows that the morphology answers (sioista → sika). */
  private static final String PROBE = "sioista";

  private Health() {}

  static Map<String, Object> status(KnowledgeRuntime rt, Morphology morphology) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("morphology", Map.of("status", "up", "implementation", morphology.describe(),
        "probe", rt.analyser.analyse(PROBE).tokens().get(0).lemma()));
    s.put("knowledge", Map.of("version", rt.snapshot.version(), "items", rt.snapshot.counts(),
        "warnings", rt.snapshot.warnings().size()));
    s.put("rules", Map.of("version", rt.snapshot.version(), "count", rt.rules.ruleCount()));
    s.put("index", Map.of("documents", rt.answers.size()));
    return s;
  }
}
