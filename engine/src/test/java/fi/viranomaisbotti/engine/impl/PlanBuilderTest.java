package fi.viranomaisbotti.engine.impl;

import static org.assertj.core.api.Assertions.assertThat;

import fi.viranomaisbotti.engine.Recommendation.Handling;
import fi.viranomaisbotti.engine.Recommendation.Item;
import fi.viranomaisbotti.engine.Recommendation.PlanStep;
import fi.viranomaisbotti.engine.Recommendation.Provision;
import fi.viranomaisbotti.knowledge.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {

  private static Item.Concluded concluded(String id, String certainty) {
    return new Item.Concluded(id, id, "koska", certainty, List.of(), List.of(), "lähde", "reviewed", null);
  }

  private static Item obligation(String id, String certainty) {
    return Item.obligation(concluded(id, certainty), new Handling("permit", null, null, null, null, null, null));
  }

  private static Item service(String id) {
    return Item.service(concluded(id, "needed"), new Provision("public", null, null, null));
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
