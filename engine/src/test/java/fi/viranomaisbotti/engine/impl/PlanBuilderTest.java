package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.Recommendation.ObligationItem;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.ServiceItem;
import fi.viranomaisbotti.knowledge.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

  private static ObligationItem obligation(String id, String certainty) {
    return new ObligationItem(id, id, "koska", certainty, List.of(), List.of(), "permit", null, null, null, null, null,
        null, "lähde", "reviewed", null);
  }

  private static ServiceItem service(String id) {
    return new ServiceItem(id, id, "koska", "needed", List.of(), List.of(), "public", null, null, null, "lähde",
        "reviewed", null);
  }

  @Test
  void prerequisitesComeFirstAndIndependentStepsShareAStage() {
    var plan = PlanBuilder.plan(
        List.of(obligation("y-tunnus", "needed"), obligation("tyonantajarekisteri", "needed"), obligation("elintarvikeilmoitus", "needed")),
        List.of(),
        Map.of("y-tunnus", Phase.FOUNDING, "tyonantajarekisteri", Phase.HIRING, "elintarvikeilmoitus", Phase.PERMITS),
        Map.of("tyonantajarekisteri", List.of("y-tunnus")),
        Map.of("elintarvikeilmoitus", "viimeistään ennen toiminnan aloittamista"));
    assertThat(plan.steps()).extracting(PlanStep::id).containsExactly("y-tunnus", "elintarvikeilmoitus", "tyonantajarekisteri");
    assertThat(plan.steps()).extracting(PlanStep::stage).containsExactly(1, 1, 2);
    assertThat(plan.steps().get(1).deadline()).contains("ennen");
    assertThat(plan.steps().get(2).after()).containsExactly("y-tunnus");
    assertThat(plan.cycles()).isEmpty();
    assertThat(plan.steps()).filteredOn(PlanStep::critical).extracting(PlanStep::id)
        .containsExactly("y-tunnus", "tyonantajarekisteri");
  }

  @Test
  void aDealBreakerLoopIsKeptFlaggedAndReported() {
    var plan = PlanBuilder.plan(
        List.of(obligation("rakentamislupa", "needed")),
        List.of(service("investointituki")),
        Map.of("rakentamislupa", Phase.CONSTRUCTION, "investointituki", Phase.FUNDING),
        Map.of("rakentamislupa", List.of("investointituki"), "investointituki", List.of("rakentamislupa")),
        Map.of());
    assertThat(plan.steps()).extracting(PlanStep::id).containsExactlyInAnyOrder("rakentamislupa", "investointituki");
    assertThat(plan.steps()).allMatch(PlanStep::cycle);
    assertThat(plan.cycles()).hasSize(1);
    assertThat(plan.cycles().get(0)).containsExactlyInAnyOrder("rakentamislupa", "investointituki");
  }

  @Test
  void neededStepsComeBeforePossibleOnesOfTheSamePhase() {
    var plan = PlanBuilder.plan(
        List.of(obligation("anniskelulupa", "possible"), obligation("elintarvikeilmoitus", "needed")),
        List.of(),
        Map.of("anniskelulupa", Phase.PERMITS, "elintarvikeilmoitus", Phase.PERMITS),
        Map.of(),
        Map.of());
    assertThat(plan.steps()).extracting(PlanStep::id).containsExactly("elintarvikeilmoitus", "anniskelulupa");
  }
}
