package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.knowledge.KnowledgeLoader;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.KnowledgeSource;
import fi.viranomaisbotti.knowledge.RuleExample;
import fi.viranomaisbotti.knowledge.RuleFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules' consequences compile in the MVEL dialect for a faster start; this proves that the
 * corpus concludes exactly what it concludes with Java consequences: the same items, in the same
 * order, with the same certainty, dependencies and reasons (rule, statement, evidence, premises),
 * for every rule example's facts and for all of their signals at once.
 */
class RuleDialectTest {
  private static KnowledgeSnapshot snapshot;
  private static RuleBase mvelRules;
  private static RuleBase javaRules;

  @BeforeAll
  static void compileBoth() {
    snapshot = new KnowledgeLoader().load(KnowledgeSource.classpath("corpus", RuleDialectTest.class.getClassLoader()));
    mvelRules = RuleBase.build(snapshot.rules(), snapshot.version());
    javaRules = RuleBase.build(snapshot.rules(), snapshot.version(), RuleBase.Dialect.JAVA);
  }

  @AfterAll
  static void close() {
    mvelRules.close();
    javaRules.close();
  }

  @Test
  void theCorpusCompilesInMvelUnlessAskedForJava() {
    assertThat(mvelRules.consequenceDialects()).containsExactly("mvel");
    assertThat(javaRules.consequenceDialects()).containsExactly("java");
  }

  @Test
  void everyRuleExampleConcludesTheSameInBothDialects() {
    assertThat(snapshot.ruleExamples()).hasSizeGreaterThan(300);
    int concluded = 0;
    for (RuleExample example : snapshot.ruleExamples()) {
      Collection<Object> facts = RuleExamplesTest.facts(example.given());
      List<String> expected = described(javaRules.evaluate(facts));
      assertThat(described(mvelRules.evaluate(facts))).as("example of %s (%s)", example.rule(), example.note()).isEqualTo(expected);
      concluded += expected.size();
    }
    assertThat(concluded).as("conclusions compared").isGreaterThan(snapshot.ruleExamples().size());
  }

  @Test
  void allExamplesSignalsTogetherConcludeTheSameInBothDialects() {
    Collection<Object> facts = new LinkedHashSet<>();
    snapshot.ruleExamples().forEach(e -> facts.addAll(RuleExamplesTest.facts(new RuleExample.Given(
        e.given().signals(), e.given().quantities(), List.of(), Map.of(), e.given().existing()))));
    List<String> expected = described(javaRules.evaluate(facts));
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(described(mvelRules.evaluate(facts))).isEqualTo(expected);
  }

  @Test
  void aFileOrRuleThatNamesItsDialectKeepsIt() {
    String drl = "package x\n\ndialect \"java\"\nrule \"a\"\nwhen\nthen\nend\n";
    assertThat(RuleBase.withDialect(drl, RuleBase.Dialect.MVEL)).isEqualTo(drl);
    String plain = "// comment\npackage fi.x\n\nrule \"a\"\n  dialect \"java\"\nwhen\nthen\nend\n";
    assertThat(RuleBase.withDialect(plain, RuleBase.Dialect.MVEL))
        .isEqualTo("// comment\npackage fi.x; dialect \"mvel\"\n\nrule \"a\"\n  dialect \"java\"\nwhen\nthen\nend\n");
  }

  @Test
  void aPackageEndedBySemicolonGetsTheAttributeAfterIt() {
    assertThat(RuleBase.withDialect("package fi.x;\nrule \"a\"\nwhen\nthen\nend\n", RuleBase.Dialect.MVEL))
        .startsWith("package fi.x; dialect \"mvel\"\nrule");
  }

  private static List<String> described(Collection<Conclusion> conclusions) {
    List<String> out = new ArrayList<>();
    for (Conclusion c : conclusions) {
      out.add(c.key() + " " + c.getCertainty() + " " + c.getDependsOn() + " " + c.getReasons());
    }
    return out;
  }
}
