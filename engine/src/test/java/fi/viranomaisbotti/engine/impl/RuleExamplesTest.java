package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.facts.Certainty;
import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.GivenConclusions;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Quantity;
import fi.viranomaisbotti.engine.facts.Reason;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.RuleExample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule's examples from the packaged corpus ({@code rules/*.examples.yaml}) on the
 * compiled rules: one test per rule, named after it, so adding a rule with its example adds its
 * test. Each example's facts go into a fresh session; each expected item must come out with the
 * expected certainty and with the rule among its reasons.
 */
class RuleExamplesTest {
  private static KnowledgeSnapshot snapshot;
  private static RuleBase rules;

  @BeforeAll
  static void compileTheCorpusRules() {
    snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", RuleExamplesTest.class.getClassLoader()));
    rules = RuleBase.build(snapshot.rules(), snapshot.version());
  }

  @AfterAll
  static void close() {
    rules.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleConcludesWhatItsExamplesExpect() {
    Map<String, List<RuleExample>> byRule =
        snapshot.ruleExamples().stream().collect(Collectors.groupingBy(RuleExample::rule));
    return rules.rules().stream()
        .map(RuleBase.RuleInfo::id)
        .sorted()
        .map(rule -> DynamicTest.dynamicTest(rule, () -> {
          List<RuleExample> examples = byRule.getOrDefault(rule, List.of());
          assertThat(examples).as("examples of rule %s", rule).isNotEmpty();
          examples.forEach(RuleExamplesTest::check);
        }));
  }

  private static void check(RuleExample example) {
    String rule = example.rule();
    String about = rule + (example.note() == null ? "" : " (" + example.note() + ")");
    Map<String, Conclusion> concluded = rules.evaluate(facts(example.given())).stream()
        .collect(Collectors.toMap(Conclusion::key, Function.identity()));
    expect(about, rule, concluded, example.expect().need(), Certainty.NEEDED);
    expect(about, rule, concluded, example.expect().maybe(), Certainty.POSSIBLE);
    for (String item : example.expect().absent()) {
      assertThat(concluded).as("%s must not conclude %s; it concluded %s", about, item, concluded.values())
          .doesNotContainKey(item);
    }
  }

  private static void expect(
      String about, String rule, Map<String, Conclusion> concluded, List<String> items, Certainty certainty) {
    for (String item : items) {
      Conclusion c = concluded.get(item);
      assertThat(c).as("%s must conclude %s; it concluded %s", about, item, concluded.values()).isNotNull();
      assertThat(c.getCertainty()).as("certainty of %s in %s", item, about).isEqualTo(certainty);
      assertThat(c.getReasons()).extracting(Reason::rule).as("rules behind %s in %s", item, about).contains(rule);
    }
  }

  /** The example's facts as the rules see them; a concept's id stands in for the customer's words. */
  static Collection<Object> facts(RuleExample.Given given) {
    List<Object> facts = new ArrayList<>();
    given.signals().forEach((concept, applies) ->
        facts.add(new Signal(concept, !applies, List.of(concept), Provenance.STATED)));
    given.existing().forEach(concept -> facts.add(Signal.existing(concept, List.of(concept), Provenance.STATED)));
    given.quantities().forEach((concept, value) ->
        facts.add(new Quantity(concept, value, List.of(concept + " " + value), Provenance.ANSWERED)));
    given.concluded().forEach(item ->
        facts.add(Conclusion.given(RuleExample.kindOf(item), RuleExample.idOf(item))));
    given.possible().forEach((item, concept) ->
        facts.add(GivenConclusions.possible(RuleExample.kindOf(item), RuleExample.idOf(item), concept)));
    return facts;
  }
}
