package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.facts.Conclusion;
import fi.viranomaisbotti.engine.facts.Provenance;
import fi.viranomaisbotti.engine.facts.Signal;
import fi.viranomaisbotti.knowledge.Situation;
import fi.viranomaisbotti.nlp.AnalysedText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The counterfactuals as computed now (re-runs without reasons, stopping once every needed item
 * is decided, kept per fact set) equal those of the full re-runs they replaced, over every
 * regression situation of the corpus.
 */
class CounterfactualsIT {
  private static KnowledgeRuntime rt;

  @BeforeAll
  static void build() {
    rt = KnowledgeRuntime.build(NavigatorFixture.SNAPSHOT, NavigatorFixture.MORPHOLOGY);
  }

  @AfterAll
  static void close() {
    rt.release();
  }

  @Test
  void everySituationGetsTheCounterfactualsOfAFullRerunPerStatedConcept() {
    int decided = 0;
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      TurnPipeline.RuleInput in = input(s);
      Collection<Conclusion> conclusions = rt.rules.evaluate(facts(in.signals(), in));
      Map<String, String> expected = fullReruns(in, conclusions);
      Counterfactuals fresh = new Counterfactuals(rt.rules);
      assertThat(fresh.deciding(in.signals(), in.quantities(), conclusions)).as("situation %s", s.id()).isEqualTo(expected);
      assertThat(fresh.deciding(in.signals(), in.quantities(), conclusions))
          .as("situation %s, from the cache", s.id()).isEqualTo(expected);
      decided += expected.size();
    }
    assertThat(decided).as("items decided by a stated concept over all situations").isGreaterThan(50);
  }

  @Test
  void aRunWithoutReasonsConcludesTheSameItemsAsAFullRunForEveryDenial() {
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      TurnPipeline.RuleInput in = input(s);
      for (Signal denied : in.signals()) {
        List<Object> facts = facts(denial(in.signals(), denied), in);
        Set<String> full = new HashSet<>();
        rt.rules.evaluate(facts).forEach(c -> full.add(c.getId()));
        assertThat(rt.rules.concludedIds(facts)).as("situation %s without %s", s.id(), denied.getConcept()).isEqualTo(full);
      }
    }
  }

  @Test
  void theReferenceStorysPermitsSayWhatWouldMakeThemUnnecessary() {
    Situation liisa = NavigatorFixture.SNAPSHOT.situations().stream()
        .filter(s -> s.id().equals("liisa-luomutila-sikala-ravintola")).findFirst().orElseThrow();
    TurnPipeline.RuleInput in = input(liisa);
    Collection<Conclusion> conclusions = rt.rules.evaluate(facts(in.signals(), in));
    assertThat(new Counterfactuals(rt.rules).deciding(in.signals(), in.quantities(), conclusions)).isNotEmpty();
  }

  private static TurnPipeline.RuleInput input(Situation s) {
    AnalysedText analysed = rt.analyser.analyse(s.text());
    FactSet known = FactSet.of(rt.facts.read(analysed, 0)).with(FactParser.parse(rt.snapshot, s.facts(), 0));
    return TurnPipeline.RuleInput.of(rt.snapshot, known);
  }

  private static List<Object> facts(List<Signal> signals, TurnPipeline.RuleInput in) {
    List<Object> out = new ArrayList<>(signals);
    out.addAll(in.quantities());
    return out;
  }

  private static List<Signal> denial(List<Signal> signals, Signal s) {
    List<Signal> out = new ArrayList<>();
    for (Signal other : signals) {
      out.add(other == s ? new Signal(s.getConcept(), true, List.of(), Provenance.ANSWERED) : other);
    }
    return out;
  }

  /** The algorithm before: one full rule run per positive stated concept, none skipped. */
  private static Map<String, String> fullReruns(TurnPipeline.RuleInput in, Collection<Conclusion> conclusions) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> needed = new HashSet<>();
    conclusions.stream().filter(Conclusion::isNeeded).forEach(c -> needed.add(c.getId()));
    for (Signal s : in.signals()) {
      if (s.isNegated() || s.isPossible() || s.getProvenance() != Provenance.STATED) {
        continue;
      }
      List<Object> denied = new ArrayList<>(in.quantities());
      denied.addAll(denial(in.signals(), s));
      Set<String> remaining = new HashSet<>();
      rt.rules.evaluate(denied).forEach(c -> remaining.add(c.getId()));
      for (String id : needed) {
        if (!remaining.contains(id)) {
          out.putIfAbsent(id, s.getConcept());
        }
      }
    }
    return out;
  }
}
