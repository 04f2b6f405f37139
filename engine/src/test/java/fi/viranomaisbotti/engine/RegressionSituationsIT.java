package fi.viranomaisbotti.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.knowledge.Situation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every regression situation of the corpus through the real navigator: adding a situation
 * adds a test. Also checks that every rule states its fact and fires in some situation.
 */
class RegressionSituationsIT {
  private final Navigator navigator = NavigatorFixture.NAVIGATOR;

  @TestFactory
  Stream<DynamicTest> everySituationGetsItsRequiredItemsAndNoneOfItsForbiddenOnes() {
    return NavigatorFixture.SNAPSHOT.situations().stream()
        .map(s -> DynamicTest.dynamicTest(s.id(), () -> check(s)));
  }

  private void check(Situation s) {
    Regression.Outcome o = Regression.check(navigator, s);
    assertThat(o.missing()).as("required in situation %s but missing", s.id()).isEmpty();
    assertThat(o.unwanted()).as("forbidden in situation %s but present", s.id()).isEmpty();
  }

  @Test
  void thereAreSituationsForTheReferenceCustomerAndForACafe() {
    assertThat(NavigatorFixture.SNAPSHOT.situations()).extracting(Situation::id)
        .contains("liisa-luomutila-sikala-ravintola", "kahvila-tampereelle");
  }

  @Test
  void everyRuleStatesItsFactOwnerAndSource() {
    for (RuleSummary rule : navigator.rules()) {
      assertThat(rule.statement()).as("statement of %s", rule.id()).isNotBlank();
      assertThat(rule.owner()).as("owner of %s", rule.id()).isNotBlank();
      assertThat(rule.source()).as("source of %s", rule.id()).isNotBlank();
    }
  }

  @Test
  void everyEventIsConcludedInAtLeastTwoSituations() {
    java.util.Map<String, Integer> concluded = new java.util.HashMap<>();
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      Regression.items(navigator.recommend(s.text(), s.facts())).stream()
          .map(i -> i.id()).distinct().forEach(id -> concluded.merge(id, 1, Integer::sum));
    }
    List<String> thin = NavigatorFixture.SNAPSHOT.events().keySet().stream()
        .filter(e -> concluded.getOrDefault(e, 0) < 2).sorted().toList();
    assertThat(thin).as("events that fewer than two regression situations conclude").isEmpty();
  }

  @Test
  void everyRuleFiresInAtLeastOneSituation() {
    Set<String> fired = new HashSet<>();
    for (Situation s : NavigatorFixture.SNAPSHOT.situations()) {
      Regression.items(navigator.recommend(s.text(), s.facts()))
          .forEach(i -> i.reasons().forEach(reason -> fired.add(reason.rule())));
    }
    List<String> untested = navigator.rules().stream().map(RuleSummary::id).filter(id -> !fired.contains(id)).toList();
    assertThat(untested).as("rules that no regression situation exercises").isEmpty();
  }
}
