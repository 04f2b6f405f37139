package fi.viranomaisbotti.benchmarks;

import fi.viranomaisbotti.engine.Navigator;
import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.nlp.Morphology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a publish takes, from {@code Navigator.publish} until the new version is live, for
 * each kind of change an editor makes: an answer edited, a rule edited, a vocabulary word added;
 * beside a full build of the same knowledge in the same warm process (what every publish cost
 * before unchanged parts were shared). Each change is published {@code rounds} times, alternating
 * with the original so that every publish has something to change.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar fi.viranomaisbotti.benchmarks.PublishProbe [rounds]}
 */
public final class PublishProbe {
  private PublishProbe() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    try (Morphology morphology = Morphology.voikko(2)) {
      KnowledgeSnapshot original = Fixtures.corpus();
      Map<String, KnowledgeSnapshot> changes = new LinkedHashMap<>();
      changes.put("answer edited", answerEdited(original));
      changes.put("rule edited", ruleEdited(original));
      changes.put("vocabulary word added", wordAdded(original));
      try (Navigator navigator = Navigator.start(original, morphology)) {
        navigator.recommend(Fixtures.LIISA, Map.of());
        for (int round = 1; round <= rounds; round++) {
          for (Map.Entry<String, KnowledgeSnapshot> change : changes.entrySet()) {
            long publish = timed(() -> navigator.publish(change.getValue()));
            navigator.recommend(Fixtures.LIISA, Map.of());
            long back = timed(() -> navigator.publish(original));
            long full = timed(() -> Navigator.start(change.getValue(), morphology).close());
            System.out.printf(Locale.ROOT, "round %d  %-22s publish %6d ms  back %6d ms  full build %6d ms%n",
                round, change.getKey(), publish, back, full);
          }
        }
      }
    }
  }

  private static long timed(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private static KnowledgeSnapshot answerEdited(KnowledgeSnapshot k) {
    Map<String, Answer> answers = new LinkedHashMap<>(k.answers());
    Answer a = answers.values().iterator().next();
    answers.put(a.id(), new Answer(a.id(), a.name(), a.questions(), a.citizenText() + " Tarkistettu.", a.officialNotes(),
        a.keywords(), a.related(), a.ptv(), a.meta()));
    return copy(k, "-answer", answers, k.concepts(), k.rules());
  }

  private static KnowledgeSnapshot ruleEdited(KnowledgeSnapshot k) {
    List<RuleFile> rules = new ArrayList<>(k.rules());
    rules.set(0, new RuleFile(rules.get(0).path(), rules.get(0).text() + "\n// Tarkistettu.\n"));
    return copy(k, "-rule", k.answers(), k.concepts(), rules);
  }

  private static KnowledgeSnapshot wordAdded(KnowledgeSnapshot k) {
    Map<String, Concept> concepts = new LinkedHashMap<>(k.concepts());
    Concept c = concepts.values().iterator().next();
    List<String> colloquial = new ArrayList<>(c.colloquial());
    colloquial.add("testisanaponi");
    concepts.put(c.id(), new Concept(c.id(), c.name(), c.terms(), c.units(), colloquial, c.meta()));
    return copy(k, "-vocabulary", k.answers(), concepts, k.rules());
  }

  private static KnowledgeSnapshot copy(
      KnowledgeSnapshot k, String suffix, Map<String, Answer> answers, Map<String, Concept> concepts, List<RuleFile> rules) {
    return new KnowledgeSnapshot(k.version() + suffix, k.contentHash() + suffix, k.loadedAt(), k.actors(), k.obligations(),
        k.services(), k.events(), answers, concepts, k.questions(), rules, k.ruleExamples(), k.situations(), k.examples(),
        k.judgments(), k.municipalities(), k.ptvCodes(), k.warnings());
  }
}
