package fi.viranomaisbotti.engine;

import fi.viranomaisbotti.knowledge.Answer;
import fi.viranomaisbotti.knowledge.Concept;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.LocalizedText;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.RuleFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixture snapshots: the real corpus with one kind of content changed, as an editor's publish would. */
final class Snapshots {
  private Snapshots() {}

  /** The same content under another content hash (a new version with nothing changed). */
  static KnowledgeSnapshot rehashed(KnowledgeSnapshot k, String suffix) {
    return copy(k, suffix, k.answers(), k.concepts(), k.rules());
  }

  /** One answer more: the answers change, nothing else. */
  static KnowledgeSnapshot withExtraAnswer(KnowledgeSnapshot k) {
    Map<String, Answer> answers = new LinkedHashMap<>(k.answers());
    answers.put("testi-ponivaellus", new Answer("testi-ponivaellus", LocalizedText.fi("Ponivaellusyrityksen aloittaminen"),
        List.of("Miten aloitan ponivaellukset?", "Tarvitseeko ponivaellus luvan?", "Ponivaellusyritys"),
        "Ponivaellusten järjestäjä tarvitsee testivastauksen.", null, List.of("ponivaellus"), List.of(), null,
        new Meta("test", "test", LocalDate.of(2026, 1, 1), null)));
    return copy(k, "-answer", answers, k.concepts(), k.rules());
  }

  /** A rule file with a comment added: the rules change (and compile again), nothing else. */
  static KnowledgeSnapshot withCommentedRule(KnowledgeSnapshot k) {
    List<RuleFile> rules = new ArrayList<>(k.rules());
    RuleFile first = rules.get(0);
    rules.set(0, new RuleFile(first.path(), first.text() + "\n// Tarkistettu uudelleen.\n"));
    return copy(k, "-rule", k.answers(), k.concepts(), rules);
  }

  /** One colloquial word more for a concept: the vocabulary changes, so the analyser does. */
  static KnowledgeSnapshot withExtraColloquialWord(KnowledgeSnapshot k) {
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
